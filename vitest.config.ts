import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Node loads graphql's CommonJS build for yoga and for us; vitest would inline the ESM
  // build for our code, giving two GraphQLError classes. Tests use the one production uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts', 'client/**/*.test.ts', 'server/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Grafeo and Chromium are heavy; two workers suit the 2-core machines we run on.
    maxWorkers: 2,
  },
});
