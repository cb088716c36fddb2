import { defineConfig } from 'vitest/config';

// Three layers under one `npm test`: unit (next to the code), integration (one process, real HTTP on
// port 0), end-to-end (the whole process tree, as `npm start` starts it, from the compiled dist/).
const shared = { server: { deps: { inline: ['type-graphql'] } } };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['{gateway,subgraphs,schema,adapters,mocks,scripts}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', 'dist/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['{gateway,subgraphs,schema,adapters,mocks,scripts}/**/*.int.test.ts'],
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
