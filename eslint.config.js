import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { runtimeWalls } from './eslint-rules/runtime-walls.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This runtime has no Node.js: keep Node code in electron/core.' })) };
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const jsonImports = {
  selector: 'ImportDeclaration[source.value=/\\.json$/][attributes.length=0]',
  message: "Import JSON with `with { type: 'json' }`: Node's ESM loader (Playwright, Electron main) refuses it otherwise.",
};
const sqlMessage = 'SQL belongs in a *.repo.ts file (docs/ARCHITECTURE.md, "Data"): move this query there and call it.';
/** Kysely query building and raw SQL: `db.selectFrom(…)`, `trx.with(…)`, `sql\`…\``, `sql<T>\`…\``, `sql.raw(…)`. */
const sqlOutsideRepos = [
  'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|executeQuery)$/]',
  // `with` only on something that looks like a database (`db`, `trx`, `ctx.db`, `documentDb(trx)`): arrays have `.with()` too.
  'CallExpression[callee.property.name=/^(with|withRecursive)$/][callee.object.name=/^(db|trx|tx)$|Db$/]',
  'CallExpression[callee.property.name=/^(with|withRecursive)$/][callee.object.property.name=/^(db|trx)$/]',
  'CallExpression[callee.property.name=/^(with|withRecursive)$/][callee.object.callee.name=/Db$/]',
  "TaggedTemplateExpression[tag.name='sql']",
  "CallExpression[callee.object.name='sql']",
  "CallExpression[callee.object.name='CompiledQuery']",
].map((selector) => ({ selector, message: sqlMessage }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { hmis: { rules: { 'runtime-walls': runtimeWalls } } },
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'hmis/runtime-walls': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      'no-restricted-syntax': ['error', jsonImports],
    },
  },
  {
    // docs/ARCHITECTURE.md, "Data": SQL lives only in core/**/*.repo.ts and in migrations. ESLint replaces a rule
    // set twice for one file, so the JSON import check is repeated here.
    files: ['electron/core/**/*.ts'],
    ignores: ['**/*.repo.ts', '**/migrations/**', '**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-syntax': ['error', jsonImports, ...sqlOutsideRepos] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, noElectron] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode.paths, noElectron] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts', '*.config.{ts,js}', 'eslint-rules/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
