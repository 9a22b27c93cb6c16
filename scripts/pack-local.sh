#!/usr/bin/env bash
# Every package of this clone packed into one folder, as the registry would serve it, for an app to
# install with plain npm until the packages are published:
#   bash scripts/pack-local.sh [FOLDER]      (default: packages-dist in the clone; `pnpm pack:local` builds first)
# then, in the app:  npm install FOLDER/caseledger-core-<version>.tgz … fp-ts io-ts
# `pnpm pack` turns `workspace:^` into the version (`npm pack` would not). Needs the packages built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/packages-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
packages=(core eventstoredb projections privacy testing audit cli)
for p in "${packages[@]}"; do
  [ -f "$root/packages/$p/dist/index.js" ] || { echo "pack-local: packages/$p is not built; run \`npx -y pnpm@10 pack:local\` (it builds first)" >&2; exit 1; }
  rm -f "$out"/caseledger-"$p"-*.tgz
  (cd "$root/packages/$p" && npx -y pnpm@10 pack --pack-destination "$out" >/dev/null)
done
echo "packed into $out:"
for p in "${packages[@]}"; do echo "  $(ls "$out"/caseledger-"$p"-*.tgz)"; done
echo "in your app (with its own fp-ts and io-ts; add the others you use):"
echo "  npm install $(ls "$out"/caseledger-core-*.tgz) fp-ts io-ts"
