/**
 * A case type of the app's own is first class (docs/own-rule.md, "Rows, deadlines and the lists"):
 * registered by the app, it holds the properties every case type holds, gets rows on the
 * case-files tables in PostgreSQL and its deadline on the overdue list; a stream of a category
 * nobody registered is parked and reported, never skipped.
 */
import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  caseTypes,
  checkTextFieldCatalogue,
  commandHandler,
  decodePolicySet,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantLiteral,
  makeRegistry,
  personalDataCatalogueOf,
  registered,
  rulebookDefaults,
} from '@caseledger/core';
import {
  type CaseRecord,
  caseFiles,
  caseFilesTable,
  inMemoryReadModelStore,
  migrateReadModelStore,
  overdueList,
  postgresCaseQueries,
  postgresReadModelStore,
  runProjection,
} from '@caseledger/projections';
import { auditCase, caseAuditHtml, caseAuditText, readCase } from '@caseledger/audit';
import { auditMutationScore, caseTypeProperties } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeWithoutPostgres, freshDatabase, pgUrl } from '../../../packages/projections/test/support/postgres.js';
import { guaranteeProcedure } from '../src/guaranteeProcedure.js';

const actor = { id: 'cs-li', department: 'customer-service', role: 'staff' } as const;
const rulebook = { policies: defaultPolicies, calendar: defaultCalendar };

const registry = makeRegistry([...caseTypes.entries, registered(guaranteeProcedure)]);
if (E.isLeft(registry)) throw new Error(registry.left.message);
const projection = caseFiles(rulebook, { registry: registry.right });

/** Claims and remedies for a few cases, in time order, as the app would send them (read by the case type's codecs). */
const commands = fc
  .array(
    fc.record({
      caseId: fc.constantFrom('G-1', 'G-2', 'G-3'),
      remedy: fc.boolean(),
      day: fc.integer({ min: 0, max: 40 }),
      deliveredMonthsAgo: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 12 },
  )
  .map((steps) =>
    [...steps]
      .sort((a, b) => a.day - b.day)
      .flatMap((s, i) => {
        const at = new Date(Date.UTC(2026, 10, 2 + s.day, 1, i)).toISOString();
        const raw = s.remedy
          ? { type: 'ProvideRemedy', caseId: s.caseId, at, actor }
          : {
              type: 'ClaimGuarantee',
              caseId: s.caseId,
              at,
              actor,
              deliveredOn: new Date(Date.UTC(2026, 10 - s.deliveredMonthsAgo, 1)).toISOString().slice(0, 10),
            };
        const command = guaranteeProcedure.commands.decode(raw);
        return E.isRight(command) ? [command.right] : [];
      }),
  );

describe('an own case type holds what every case type holds', () => {
  for (const property of caseTypeProperties(guaranteeProcedure, { commands })) it(property.name, property.check);
});

const claim = (caseId: string, at: string) => ({ type: 'ClaimGuarantee', caseId, at, actor, deliveredOn: '2026-01-15' });

/** Two claims (one remedied in time), and a stream of a category no one registered. */
const recorded = async (): Promise<EventStore> => {
  const store = inMemoryEventStore();
  const handle = commandHandler(guaranteeProcedure, store, { rulebook });
  for (const command of [
    claim('G-1', '2026-11-02T09:00:00+08:00'),
    claim('G-2', '2026-11-03T09:00:00+08:00'),
    { type: 'ProvideRemedy', caseId: 'G-2', at: '2026-11-05T10:00:00+08:00', actor },
  ]) {
    const r = await handle(command)();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  const foreign = await store.appendToStream(
    'returnsDesk-R-9',
    [{ eventId: randomUUID(), type: 'GuaranteeClaimed', data: { at: '2026-11-04T09:00:00+08:00', by: actor, deliveredOn: '2026-01-15' }, metadata: {} }],
    'no-stream',
  )();
  if (E.isLeft(foreign)) throw new Error(foreign.left.message);
  return store;
};

describe('an own case type under the personal-data check (T-10)', () => {
  it('decides every free-text field of its events: the registry-wide catalogue has no undecided field', () => {
    expect(checkTextFieldCatalogue(registry.right, personalDataCatalogueOf(registry.right))).toEqual([]);
  });
});

describe('an own case type with a dated policy value of its own', () => {
  const versions = [
    { version: 'company-2026-11', inForceFrom: '2026-11-03T00:00:00+08:00', values: { caseTypes: { guaranteeCase: { remedyWithinWorkingDays: 5 } } } },
  ];

  it('reads it from the version in force when the clock started, and says which version set it', async () => {
    const policies = decodePolicySet(versions, rulebookDefaults, registry.right);
    if (E.isLeft(policies)) throw new Error(policies.left.message);
    const dated = { policies: { versions: [...defaultPolicies.versions, ...policies.right.versions] }, calendar: defaultCalendar };
    const store = inMemoryEventStore();
    const handle = commandHandler(guaranteeProcedure, store, { rulebook: dated });
    for (const command of [claim('G-1', '2026-11-02T09:00:00+08:00'), claim('G-3', '2026-11-04T09:00:00+08:00')]) {
      const r = await handle(command)();
      if (E.isLeft(r)) throw new Error(r.left.message);
    }
    const datedFiles = caseFiles(dated, { registry: registry.right });
    const rows = inMemoryReadModelStore<CaseRecord>();
    await runProjection({ source: store, store: rows, projection: datedFiles })();
    const loaded = await rows.load(datedFiles.name)();
    const files = E.isRight(loaded) && loaded.right !== undefined ? [...loaded.right.rows.values()] : [];
    expect(files.map((f) => [f.caseId, f.view.deadlines.map((d) => [d.dueBy, d.policyVersion, d.allowed?.count])])).toEqual([
      // Claimed before the version: 10 working days; after it: 5.
      ['G-1', [['2026-11-16T15:59:59.999Z', 'rulebook-2', 10]]],
      ['G-3', [['2026-11-11T15:59:59.999Z', 'company-2026-11', 5]]],
    ]);
  });

  it('refuses a value its codec refuses, and values for a category no registered case type has, each by path', () => {
    const bad = decodePolicySet(
      [{ version: 'v', inForceFrom: '2026-11-03T00:00:00+08:00', values: { caseTypes: { guaranteeCase: { remedyWithinWorkingDays: 0 }, guarantyCase: {} } } }],
      rulebookDefaults,
      registry.right,
    );
    expect(E.isLeft(bad) ? bad.left : undefined).toMatchObject({
      code: 'POLICY_VALUES_UNDECODABLE',
      errors: [{ path: '0.values.caseTypes.guaranteeCase.remedyWithinWorkingDays' }, { path: '0.values.caseTypes.guarantyCase' }],
    });
  });
});

describe('an own case type in reports', () => {
  it('has its rule texts in an English and a Chinese report, given the registry', async () => {
    const store = await recorded();
    const history = await readCase(store, 'guaranteeCase-G-1', registry.right);
    if (E.isLeft(history)) throw new Error(history.left.message);
    const audit = auditCase(history.right, rulebook, instantLiteral('2026-11-20T09:00:00+08:00'));
    const en = caseAuditText(audit, { locale: 'en', registry: registry.right });
    expect(en).toContain('EU-2  Remedied in time');
    expect(en).toContain('EU-1  Two years of guarantee');
    const zh = caseAuditText(audit, { locale: 'zh-CN', registry: registry.right });
    expect(zh).toContain('EU-2  按时补救');
    expect(zh).toContain('保证索赔 · 1 个事件');
    expect(caseAuditHtml(audit, { locale: 'zh-CN', registry: registry.right })).toContain('保证索赔须在政策规定的工作日内补救（未另行规定时为 10 个工作日）。');
    // Without the registry a report knows only the library's rules, and says the rule is the company's own.
    expect(caseAuditText(audit, { locale: 'en' })).not.toContain('Remedied in time');
  });
});

describe('an own case type on the lists', () => {
  const now = instantLiteral('2026-11-20T09:00:00+08:00');
  it('gets rows and its deadline on the overdue list in memory; the unregistered stream is parked', async () => {
    const events = await recorded();
    const store = inMemoryReadModelStore<CaseRecord>();
    const run = await runProjection({ source: events, store, projection })();
    expect(run).toMatchObject({ right: { parked: 1 } });
    expect(await store.parked(projection.name)()).toMatchObject({
      right: [{ streamName: 'returnsDesk-R-9', error: expect.stringContaining('not the stream of a case of a registered type') }],
    });
    const loaded = await store.load(projection.name)();
    const rows = E.isRight(loaded) && loaded.right !== undefined ? [...loaded.right.rows.values()] : [];
    expect(rows.map((r) => [r.category, r.caseId, r.view.status, r.view.open])).toEqual([
      ['guaranteeCase', 'G-1', 'claimed', true],
      ['guaranteeCase', 'G-2', 'remedied', false],
    ]);
    // G-1: 10 working days from Monday 2 November end on Monday 16 November; G-2 was remedied in time.
    expect(overdueList(rows, now)).toEqual([
      { category: 'guaranteeCase', caseId: 'G-1', ruleId: 'EU-2', deadline: 'remedy', dueBy: '2026-11-16T15:59:59.999Z', status: 'missed' },
    ]);
  });

  if (pgUrl === undefined) {
    describeWithoutPostgres('an own case type in PostgreSQL');
  } else {
    const serverUrl = pgUrl;
    it('gets rows on the case-files tables and its deadline on the overdue list in SQL, as in memory', async () => {
      const database = await freshDatabase(serverUrl);
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        const migrated = await migrateReadModelStore(pool)();
        expect(E.isRight(migrated)).toBe(true);
        const events = await recorded();
        const run = await runProjection({ source: events, store: postgresReadModelStore(pool, projection, caseFilesTable), projection })();
        expect(run).toMatchObject({ right: { parked: 1 } });
        const rows = await pool.query<{ case_type: string; case_id: string; status: string; is_open: boolean }>(
          'SELECT case_type, case_id, status, is_open FROM caseledger_cases WHERE projection = $1 ORDER BY case_id',
          [projection.name],
        );
        expect(rows.rows).toEqual([
          { case_type: 'guaranteeCase', case_id: 'G-1', status: 'claimed', is_open: true },
          { case_type: 'guaranteeCase', case_id: 'G-2', status: 'remedied', is_open: false },
        ]);
        expect(await postgresCaseQueries(pool).overdueList(now)()).toEqual(
          E.right([{ category: 'guaranteeCase', caseId: 'G-1', ruleId: 'EU-2', deadline: 'remedy', dueBy: '2026-11-16T15:59:59.999Z', status: 'missed' }]),
        );
      } finally {
        await pool.end();
        await database.drop();
      }
    });
  }
});

/** A claim within the guarantee, remedied or not: the procedures the rules accept in full. */
const validProcedures = fc
  .record({ remedied: fc.boolean(), claimDay: fc.integer({ min: 0, max: 20 }), remedyAfterHours: fc.integer({ min: 1, max: 500 }) })
  .map((p) =>
    [
      { type: 'ClaimGuarantee', caseId: 'G-1', at: new Date(Date.UTC(2026, 10, 2 + p.claimDay, 1)).toISOString(), actor, deliveredOn: '2026-01-15' },
      ...(p.remedied
        ? [{ type: 'ProvideRemedy', caseId: 'G-1', at: new Date(Date.UTC(2026, 10, 2 + p.claimDay, 1 + p.remedyAfterHours)).toISOString(), actor }]
        : []),
    ].flatMap((raw) => {
      const command = guaranteeProcedure.commands.decode(raw);
      return E.isRight(command) ? [command.right] : [];
    }),
  );

it('the audit catches every mutant of its valid histories that means something else (mutation score 100%)', async () => {
  const score = await auditMutationScore(guaranteeProcedure, { procedures: validProcedures, rulebook });
  expect(score.nonEquivalent).toBeGreaterThan(0);
  expect(score.flagged).toBe(score.nonEquivalent);
});
