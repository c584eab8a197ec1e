import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Suites that touch a store and run a second time on Neo4j (project "neo4j", TEST_STORE=neo4j)
 * when NEO4J_URI is set; `*.neo4j.test.ts` files run only there. See CONTRIBUTING.md.
 */
const NEO4J_SUITES = [
  'test/store/**/*.test.ts',
  'test/api/**/*.test.ts',
  'test/import/dump.test.ts',
  'test/import/dump-pages.test.ts',
  'test/import/graphql.test.ts',
  'test/import/import-enterprises.test.ts',
  'test/import/import-projects.test.ts',
  'test/import/import-streaming.test.ts',
  'test/import/planned-writes.test.ts',
  'test/security/access.test.ts',
  'test/security/audit.test.ts',
  'test/security/injection.test.ts',
  'test/e2e/chain-map.e2e.test.ts',
  'test/e2e/pipeline.e2e.test.ts',
  'test/e2e/report.e2e.test.ts',
];
/** Embedded-only by nature: Grafeo's own files, or the linter (engine-independent). */
const EMBEDDED_ONLY = ['test/store/embedded-store.test.ts', 'test/store/cypher-lint.test.ts'];

const neo4j = Boolean(process.env.NEO4J_URI);
if (!neo4j && !process.env.VITEST_WORKER_ID) {
  console.warn(
    'Neo4j suites SKIPPED: set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (e.g. from `npm run neo4j -- --port 7688`) to run them; see README "Tests on Neo4j"',
  );
}

export default defineConfig({
  // Node loads graphql's CommonJS build for yoga and for us; vitest would inline the ESM
  // build for our code, giving two GraphQLError classes. Tests use the one production uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Grafeo and Chromium are heavy; two workers suit the 2-core machines we run on.
    maxWorkers: 2,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'embedded',
          include: ['test/**/*.test.ts', 'client/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.neo4j.test.ts'],
        },
      },
      ...(neo4j
        ? [
            {
              extends: true as const,
              test: {
                name: 'neo4j',
                include: [...NEO4J_SUITES, 'test/**/*.neo4j.test.ts'],
                exclude: ['**/node_modules/**', ...EMBEDDED_ONLY],
                // Caches expire on a clock on Neo4j (NEO4J_CACHE_SECONDS); an hour keeps the cache tests off the clock's edge.
                env: { TEST_STORE: 'neo4j', NEO4J_CACHE_SECONDS: '3600' },
                // Neo4j Community has one database, emptied by each suite: one file at a time.
                fileParallelism: false,
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
