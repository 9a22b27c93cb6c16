/**
 * `caseledger-keys`: the customer keys in PostgreSQL, for operators. Exit codes: 0 done, 1 a
 * rotation that could not finish (run it again), 2 bad input or a failure, with a one-line message
 * that never holds a key or a secret.
 *
 *   caseledger-keys migrate --database-url URL [KEK]
 *   caseledger-keys status  --database-url URL
 *   caseledger-keys rotate  --database-url URL [KEK] --previous-kek-file FILE … [--batch N]
 *
 * KEK: `--kek-file FILE` or `--kek-env NAME` (default: the environment variable CASELEDGER_KEK);
 * older KEKs with `--previous-kek-file` / `--previous-kek-env` (repeatable). The database URL may also
 * come from CASELEDGER_KEYS_DATABASE_URL.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { type KekError, type KekRing, type KeyEncryptionKey, kekFromEnvironment, kekFromFile, kekRing } from './kek.js';
import { migrateKeyStore, postgresKeyStore, postgresKeyUsage } from './postgresKeyStore.js';
import { rotateKeyEncryptionKey } from './rotateKek.js';

export interface KeysCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const KEYS_EXIT_DONE = 0;
export const KEYS_EXIT_INCOMPLETE = 1;
export const KEYS_EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  caseledger-keys migrate --database-url URL [--kek-file FILE | --kek-env NAME]
  caseledger-keys status  --database-url URL
  caseledger-keys rotate  --database-url URL [--kek-file FILE | --kek-env NAME] (--previous-kek-file FILE | --previous-kek-env NAME)… [--batch N]
the current KEK defaults to the environment variable CASELEDGER_KEK; the database URL to CASELEDGER_KEYS_DATABASE_URL
exit codes: 0 done, 1 rotation not finished (run it again), 2 bad input or failure`;

const VALUED = new Set(['--database-url', '--kek-file', '--kek-env', '--previous-kek-file', '--previous-kek-env', '--batch']);

interface Args {
  readonly command: string | undefined;
  readonly values: ReadonlyMap<string, ReadonlyArray<string>>;
}

const parse = (argv: ReadonlyArray<string>): E.Either<string, Args> => {
  const values = new Map<string, string[]>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      if (!VALUED.has(a)) return E.left(`unknown option ${a}`);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return E.left(`${a} needs a value`);
      values.set(a, [...(values.get(a) ?? []), v]);
      i += 1;
    } else if (command === undefined) command = a;
    else return E.left(`unexpected argument "${a}"`);
  }
  return E.right({ command, values });
};

const one = (args: Args, flag: string): string | undefined => args.values.get(flag)?.[0];
const describeKek = (e: KekError): string => `${e.code}: ${e.message}`;

const currentKek = (args: Args, io: KeysCliIo): E.Either<string, KeyEncryptionKey> => {
  const file = one(args, '--kek-file');
  const env = one(args, '--kek-env');
  if (file !== undefined && env !== undefined) return E.left('give the current KEK once: --kek-file or --kek-env');
  return E.mapLeft(describeKek)(file !== undefined ? kekFromFile(file) : kekFromEnvironment(env ?? 'CASELEDGER_KEK', io.env));
};

const previousKeks = (args: Args, io: KeysCliIo): E.Either<string, ReadonlyArray<KeyEncryptionKey>> => {
  const found: KeyEncryptionKey[] = [];
  for (const file of args.values.get('--previous-kek-file') ?? []) {
    const k = kekFromFile(file);
    if (E.isLeft(k)) return E.left(describeKek(k.left));
    found.push(k.right);
  }
  for (const name of args.values.get('--previous-kek-env') ?? []) {
    const k = kekFromEnvironment(name, io.env);
    if (E.isLeft(k)) return E.left(describeKek(k.left));
    found.push(k.right);
  }
  return E.right(found);
};

const withPool = async (url: string, work: (pool: pg.Pool) => Promise<number>, io: KeysCliIo): Promise<number> => {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  try {
    return await work(pool);
  } catch (error) {
    io.err(`database: ${error instanceof Error ? error.message : 'unknown error'}`);
    return KEYS_EXIT_BAD_INPUT;
  } finally {
    await pool.end().catch(() => undefined);
  }
};

export const runKeysCli = async (argv: ReadonlyArray<string>, io: KeysCliIo): Promise<number> => {
  const args = parse(argv);
  if (E.isLeft(args)) {
    io.err(`${args.left}\n${USAGE}`);
    return KEYS_EXIT_BAD_INPUT;
  }
  const { command } = args.right;
  if (command !== 'migrate' && command !== 'status' && command !== 'rotate') {
    io.err(`${command === undefined ? 'no command' : `unknown command "${command}"`}\n${USAGE}`);
    return KEYS_EXIT_BAD_INPUT;
  }
  const url = one(args.right, '--database-url') ?? io.env['CASELEDGER_KEYS_DATABASE_URL'];
  if (url === undefined) {
    io.err('--database-url is missing (or set CASELEDGER_KEYS_DATABASE_URL)');
    return KEYS_EXIT_BAD_INPUT;
  }
  if (command === 'status') {
    return withPool(
      url,
      async (pool) => {
        const usage = await postgresKeyUsage(pool)();
        if (E.isLeft(usage)) {
          io.err(`${usage.left.code}: ${usage.left.message}`);
          return KEYS_EXIT_BAD_INPUT;
        }
        const lines = Object.entries(usage.right).map(([id, n]) => `${id}: ${n} live key(s)`);
        io.out(lines.length === 0 ? 'no live keys' : lines.join('\n'));
        return KEYS_EXIT_DONE;
      },
      io,
    );
  }
  const current = currentKek(args.right, io);
  if (E.isLeft(current)) {
    io.err(current.left);
    return KEYS_EXIT_BAD_INPUT;
  }
  const previous = previousKeks(args.right, io);
  if (E.isLeft(previous)) {
    io.err(previous.left);
    return KEYS_EXIT_BAD_INPUT;
  }
  const made = kekRing(current.right, previous.right);
  if (E.isLeft(made)) {
    io.err(`${made.left.code}: ${made.left.message}`);
    return KEYS_EXIT_BAD_INPUT;
  }
  const ring: KekRing = made.right;
  if (command === 'migrate') {
    return withPool(
      url,
      async (pool) => {
        const migrated = await migrateKeyStore(pool, ring)();
        if (E.isLeft(migrated)) {
          io.err(`${migrated.left.code}: ${migrated.left.message}`);
          return KEYS_EXIT_BAD_INPUT;
        }
        io.out(`key table ready; new keys are wrapped by ${ring.current.id}`);
        return KEYS_EXIT_DONE;
      },
      io,
    );
  }
  const batchText = one(args.right, '--batch');
  const batch = batchText === undefined ? 500 : Number(batchText);
  if (!Number.isInteger(batch) || batch < 1) {
    io.err(`--batch must be a whole number of keys (got "${batchText ?? ''}")`);
    return KEYS_EXIT_BAD_INPUT;
  }
  if (previous.right.length === 0) {
    io.err('rotate needs the KEK(s) the keys are wrapped by now: --previous-kek-file or --previous-kek-env');
    return KEYS_EXIT_BAD_INPUT;
  }
  return withPool(
    url,
    async (pool) => {
      const report = await rotateKeyEncryptionKey(postgresKeyStore(pool, ring), { batch })();
      if (E.isLeft(report)) {
        io.err(`${report.left.code}: ${report.left.message}`);
        return KEYS_EXIT_BAD_INPUT;
      }
      const usage = Object.entries(report.right.usage)
        .map(([id, n]) => `${id}: ${n}`)
        .join(', ');
      if (!report.right.complete) {
        io.err(`rotation not finished: ${report.right.rewrapped} key(s) re-wrapped, still under older KEKs: ${usage}; run it again`);
        return KEYS_EXIT_INCOMPLETE;
      }
      io.out(
        `rotation done: ${report.right.rewrapped} key(s) re-wrapped; every live key is wrapped by ${ring.current.id}${usage === '' ? '' : ` (${usage})`}. The previous KEK(s) can now be destroyed.`,
      );
      return KEYS_EXIT_DONE;
    },
    io,
  );
};
