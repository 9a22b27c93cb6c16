import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources, so tests never need a prior build.
  resolve: { conditions: ['@caseledger/source', ...defaultClientConditions] },
  // Vitest hands these conditions to Node for the dependencies it does not transform; "module" is
  // not one Node knows, and OpenTelemetry's "module" builds import files without extensions.
  ssr: { resolve: { conditions: ['@caseledger/source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
