// Marks a build folder as CommonJS (the package itself is "type": "module"), so Node and TypeScript
// read dist/cjs/*.js and *.d.ts as CommonJS: usage `node scripts/commonjs-scope.mjs dist/cjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: commonjs-scope.mjs DIR\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
