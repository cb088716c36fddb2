import { defineConfig } from 'vitest/config';

// Three layers under one `npm test`: unit (next to the code), integration (one process, real HTTP on
// port 0), end-to-end (the whole process tree, as `npm start` starts it, from the compiled dist/).
// graphql ships CJS (index.js) and ESM (index.mjs); Node resolves every importer to the CJS build, so vite
// must too, or inlined type-graphql and external @graphql-tools/* would hold two "realms" of graphql.
const shared = { server: { deps: { inline: ['type-graphql'] } }, alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['{gateway,subgraphs,schema,adapters,mocks,storage,scripts}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', 'dist/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['{gateway,subgraphs,schema,adapters,mocks,storage,scripts}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', 'dist/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
