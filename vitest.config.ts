import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources, so tests never need a prior build.
  resolve: { conditions: ['@caseledger/source', 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: ['@caseledger/source', 'import', 'module', 'node', 'default'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
