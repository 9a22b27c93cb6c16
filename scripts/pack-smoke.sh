#!/usr/bin/env bash
# The packages as a new user gets them: every package packed with `pnpm pack` (which turns
# `workspace:^` into the version; `npm pack` would not), each tarball checked with publint (strict)
# and arethetypeswrong (node10, node16 from CommonJS and from ESM, bundler), then installed with
# plain npm into scratch apps outside the workspace:
#   - an app with its own fp-ts and io-ts: ESM import, CommonJS require, one handler call each,
#     TypeScript under node16, nodenext and bundler, one copy of fp-ts, `npx caseledger --help`;
#   - an app with @caseledger/audit alone: no gRPC client, no pg.
# Needs the packages built (`pnpm build`) and the npm registry. Usage: bash scripts/pack-smoke.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarballs="$work/tarballs"
mkdir -p "$tarballs"
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

say() { printf '== %s\n' "$*"; }
fail() { printf 'pack-smoke: %s\n' "$*" >&2; exit 1; }

packages=(core eventstoredb projections privacy testing audit cli)
say "pack, as README says (scripts/pack-local.sh)"
bash "$root/scripts/pack-local.sh" "$tarballs"
tgz() { ls "$tarballs"/caseledger-"$1"-*.tgz; }

say "no workspace: protocol left in any tarball"
for p in "${packages[@]}"; do
  if tar -xOzf "$(tgz "$p")" package/package.json | grep -q '"workspace:'; then fail "$p still says workspace: in its package.json"; fi
done

say "publint --strict and arethetypeswrong"
for p in "${packages[@]}"; do
  (cd "$root" && npx publint "$(tgz "$p")" --strict --level suggestion >"$work/publint.log" 2>&1) || { cat "$work/publint.log"; fail "publint: $p"; }
  # node16 (from CommonJS and from ESM) and bundler; node10 predates "exports" and sees no subpaths.
  (cd "$root" && npx attw "$(tgz "$p")" --profile node16 --format ascii >"$work/attw.log" 2>&1) || { cat "$work/attw.log"; fail "arethetypeswrong: $p"; }
  echo "$p: publint and arethetypeswrong clean"
done

say "an app with its own fp-ts: install the tarballs with plain npm"
app="$work/app"
mkdir -p "$app"
cd "$app"
cat > package.json <<'JSON'
{ "name": "scratch-app", "version": "1.0.0", "private": true }
JSON
npm install fp-ts@2.16.9 io-ts@2.2.22 fast-check@4.10.2 @opentelemetry/api@1.9.1 typescript@5.9.3 @types/node@20 \
  "$(tgz core)" "$(tgz eventstoredb)" "$(tgz projections)" "$(tgz privacy)" "$(tgz audit)" "$(tgz cli)" "$(tgz testing)" >/dev/null
[ ! -e node_modules/vitest ] || fail "the testing kit brought Vitest, an optional peer"

copies="$(find node_modules -path '*/fp-ts/package.json' -not -path '*/fp-ts/*/*/package.json' | wc -l)"
[ "$copies" = 1 ] || { find node_modules -path '*/fp-ts/package.json' -not -path '*/fp-ts/*/*/package.json'; fail "$copies copies of fp-ts, expected the app's one"; }
echo "one fp-ts: $(node -p "require('fp-ts/package.json').version")"

cat > smoke.mjs <<'JS'
import { commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import { auditCase } from '@caseledger/audit';
import { isRight } from 'fp-ts/lib/Either.js';
const handle = commandHandler(complaintCaseType, inMemoryEventStore());
const r = await handle({ type: 'ReceiveComplaint', caseId: 'C-1', at: '2026-11-16T09:00:00+08:00', actor: { id: 'cs-li', department: 'customer-service', role: 'staff' }, customer: { id: 'c1', name: 'A' }, channel: 'phone', description: 'late', severity: 'minor' })();
if (!isRight(r) || r.right.revision !== 0n || typeof auditCase !== 'function') { console.error('ESM smoke failed', r); process.exit(1); }
console.log('ESM: appended at revision', String(r.right.revision));
JS
cat > smoke.cjs <<'JS'
const { commandHandler, complaintCaseType, inMemoryEventStore } = require('@caseledger/core');
const { connectEventStoreDb } = require('@caseledger/eventstoredb');
const { caseFiles } = require('@caseledger/projections');
const { run } = require('@caseledger/cli');
const { openTelemetry } = require('@caseledger/core/opentelemetry');
const { warrantyClaimCaseType } = require('@caseledger/core/warranty');
const { isRight } = require('fp-ts/lib/Either.js');
(async () => {
  const handle = commandHandler(complaintCaseType, inMemoryEventStore(), { telemetry: openTelemetry() });
  const r = await handle({ type: 'ReceiveComplaint', caseId: 'C-1', at: '2026-11-16T09:00:00+08:00', actor: { id: 'cs-li', department: 'customer-service', role: 'staff' }, customer: { id: 'c1', name: 'A' }, channel: 'phone', description: 'late', severity: 'minor' })();
  if (!isRight(r) || r.right.revision !== 0n || typeof connectEventStoreDb !== 'function' || typeof caseFiles !== 'function' || typeof run !== 'function' || warrantyClaimCaseType.category !== 'warrantyClaim') { console.error('CommonJS smoke failed', r); process.exit(1); }
  console.log('CommonJS: appended at revision', String(r.right.revision));
})();
JS
node smoke.mjs
node smoke.cjs

say "the testing kit without a test runner: given/when/then from ESM and CommonJS, a failure is an AssertionError"
cat > kit.mjs <<'JS'
import { deciderSpec } from '@caseledger/testing';
import { complaintDecider } from '@caseledger/core';
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const receive = { type: 'ReceiveComplaint', caseId: 'C-1', at: '2026-11-16T09:00:00+08:00', actor: cs, customer: { id: 'c1', name: 'A' }, channel: 'phone', description: 'late', severity: 'minor' };
const spec = deciderSpec(complaintDecider);
spec.given([]).when(receive).thenAccepted();
try {
  spec.given([]).when(receive).thenRefused('C-3');
  process.exit(1);
} catch (e) {
  if (e.name !== 'AssertionError') { console.error(e); process.exit(1); }
}
console.log('testing kit (ESM): given/when/then without Vitest');
JS
cat > kit.cjs <<'JS'
const { deciderSpec, complaintCommands } = require('@caseledger/testing');
const { complaintDecider } = require('@caseledger/core');
const fc = require('fast-check');
const [commands] = fc.sample(complaintCommands({ maxLength: 3 }), 1);
if (!Array.isArray(commands) || typeof deciderSpec(complaintDecider).given !== 'function') process.exit(1);
console.log('testing kit (CommonJS): required, generators sampled');
JS
node kit.mjs
node kit.cjs

say "TypeScript resolves the types under node16, nodenext and bundler"
cat > types.mts <<'TS'
import { type Instant, commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import { type WarrantyEvent, warrantyClaimCaseType } from '@caseledger/core/warranty';
import { caseAuditHtml } from '@caseledger/audit';
export const handle = commandHandler(complaintCaseType, inMemoryEventStore());
export const at: Instant | undefined = undefined;
export const html: typeof caseAuditHtml = caseAuditHtml;
export const claims: string = warrantyClaimCaseType.category;
export type Claimed = WarrantyEvent['type'];
TS
cat > types.cts <<'TS'
import core = require('@caseledger/core');
import audit = require('@caseledger/audit');
export const handle = core.commandHandler(core.complaintCaseType, core.inMemoryEventStore());
export const html: typeof audit.caseAuditHtml = audit.caseAuditHtml;
TS
for mode in node16 nodenext; do
  npx tsc --noEmit --strict --skipLibCheck false --types node --module "$mode" --moduleResolution "$mode" types.mts types.cts || fail "types under $mode"
done
npx tsc --noEmit --strict --skipLibCheck false --types node --module esnext --moduleResolution bundler types.mts || fail "types under bundler"

say "npx caseledger --help"
npx caseledger --help >/dev/null || fail "caseledger --help"
npx caseledger --version

say "@caseledger/audit alone: file audits without the gRPC client or pg"
alone="$work/audit-alone"
mkdir -p "$alone"
cd "$alone"
echo '{ "name": "audit-alone", "version": "1.0.0", "private": true }' > package.json
npm install "$(tgz core)" "$(tgz audit)" >/dev/null
for unwanted in @kurrent/kurrentdb-client @grpc/grpc-js protobufjs pg; do
  [ ! -e "node_modules/$unwanted" ] || fail "installing @caseledger/audit alone brought $unwanted"
done
node -e "const a = require('@caseledger/audit'); if (typeof a.bulkAudit !== 'function') process.exit(1)"
echo "audit alone: $(npm ls --all --parseable | tail -n +2 | grep -vc '/@caseledger/') third-party packages ($(npm ls --all --parseable | tail -n +2 | grep -v '/@caseledger/' | sed 's#.*/node_modules/##' | sort -u | tr '\n' ' ')), no gRPC client, no pg"
say "pack smoke passed"
