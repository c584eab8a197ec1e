// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint: typescript-eslint's recommended rules, and CONTRIBUTING.md's layer rules as
 * import restrictions (resolver → service → store → cypher/; the client never
 * imports server code). Type-only imports cross layers freely: they carry no code.
 */
const DRIVERS = [
  { name: 'neo4j-driver', message: 'Only server/store/ talks to the database (CONTRIBUTING.md, layer rules).' },
  { name: '@grafeo-db/js', message: 'Only server/store/ talks to the database (CONTRIBUTING.md, layer rules).' },
];
const layer = (message, group) => ({ group, message, allowTypeImports: true });

/** The import rule for one layer: drivers (unless allowed) plus the given patterns. */
const restrict = ({ drivers = true, patterns = [] }) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths: drivers ? DRIVERS : [], patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'client/generated/', 'server/graphql/generated/', 'bench/results/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // New in ESLint 10's recommended set; the code base predates them and they are not about contracts.
      'no-useless-assignment': 'off',
      'preserve-caught-error': 'off',
    },
  },
  // Resolvers read arguments and call one service: no store, no Cypher, no drivers.
  {
    files: ['server/graphql/**/*.ts'],
    rules: restrict({
      patterns: [layer('Resolvers call services, not the store (CONTRIBUTING.md).', ['**/store/*', '!**/store/store.ts'])],
    }),
  },
  // Services hold the domain logic and reach the database only through store.run / store.transaction.
  {
    files: ['server/services/**/*.ts', 'server/auth/**/*.ts', 'server/audit/**/*.ts'],
    rules: restrict({
      patterns: [
        layer('Services use the Store interface (server/store/store.ts), not a store implementation.', ['**/store/*', '!**/store/store.ts']),
        layer('Services do not know about GraphQL: resolvers call them (CONTRIBUTING.md).', ['**/graphql/**', 'graphql', 'graphql-yoga']),
      ],
    }),
  },
  // The security plugin and its parts are GraphQL plumbing that lives with auth: they may use graphql.
  {
    files: [
      'server/auth/security-plugin.ts',
      'server/auth/access-error.ts',
      'server/auth/**/*plugin*.ts',
      'server/auth/authorise.ts',
      'server/auth/no-introspection.ts',
      'server/audit/audit-capture.ts',
    ],
    rules: restrict({ patterns: [layer('Services use the Store interface.', ['**/store/*', '!**/store/store.ts'])] }),
  },
  // The model is the vocabulary everyone shares: it depends on nothing of ours above it.
  {
    files: ['server/model/**/*.ts'],
    rules: restrict({ patterns: [layer('server/model depends on no other layer.', ['**/services/**', '**/graphql/**', '**/store/**', '**/auth/**'])] }),
  },
  // The store runs cypher/ files; it knows nothing of services or GraphQL.
  {
    files: ['server/store/**/*.ts'],
    rules: restrict({ drivers: false, patterns: [layer('The store is the bottom layer.', ['**/services/**', '**/graphql/**'])] }),
  },
  // The client is a browser app: it talks to the server only through client/api.ts over HTTP.
  {
    files: ['client/**/*.ts'],
    rules: restrict({ patterns: [{ group: ['**/server/**'], message: 'The client never imports server code: call client/api.ts (CONTRIBUTING.md).' }] }),
  },
  {
    files: ['client/graph/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'document', message: 'client/graph/ never touches the DOM (CONTRIBUTING.md).' }] },
  },
  // Tests and benchmarks may reach any layer (they build stores and profile drivers).
  // GraphQL answers in tests are `any` on purpose: the assertions check their shape.
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.test.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
