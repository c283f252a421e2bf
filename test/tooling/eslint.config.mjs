// ESLint for the whole repository, run from its root (`npm run lint`: test/tooling/lint.mjs names the folders CI checks
// today). typescript-eslint's strict type-checked set, the house rules as lint rules; layout is prettier's
// (test/tooling/prettier.config.mjs), so no stylistic rule here fights the formatter.
//
// typescript-eslint needs TypeScript's JavaScript compiler API, which TypeScript 7 (the native `tsc`) does not ship:
// package.json installs `typescript` as `@typescript/typescript6` (the API, used only by the linter) and TypeScript 7 as
// `@typescript/native`, which owns the `tsc` binary that type-checks and emits.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const root = new URL('../..', import.meta.url).pathname

// The runtime `Either`/`Option` helpers come from src/core/either.ts and option.ts: fp-ts's modules build type-class
// instances at load time that stay in every bundle (see either.ts). Their types are free.
const fpTsRuntime = {
  paths: ['fp-ts/Either', 'fp-ts/Option', 'fp-ts/lib/Either', 'fp-ts/lib/Option', 'fp-ts/es6/Either', 'fp-ts/es6/Option'].map((name) => ({
    name,
    allowTypeImports: true,
    message: 'Import the runtime helpers from src/core/either.ts / option.ts (fp-ts keeps ~2 KB of instances in every bundle); `import type` is fine.'
  }))
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/.readme/**'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The house rules.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Ids and counts go into paths and messages everywhere; objects, `undefined` and `null` still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `(x) => void f(x)`-style shorthands and `return done(…)` as an early exit from a void function are idiomatic
      // here; a void value used as data is still reported.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true }
      ],
      // Off: the library checks its input at run time for JavaScript callers and hostile data (`Array.isArray` on a
      // typed array, `?.` on a typed object, `=== true` on a boolean), which is exactly what this rule calls
      // unnecessary.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The line length: prettier wraps code at 160; this catches what it leaves alone (comments). Literals and URLs
      // may run on: a fixture body or a test name reads better whole.
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }]
    }
  },
  // The demo is user code: it imports fp-ts as users do.
  { files: ['src/**/*.ts'], ignores: ['src/sandbox/demo.ts'], rules: { 'no-restricted-imports': ['error', fpTsRuntime] } },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests may assert that a value is there (a wrong guess fails the test), probe JSON bodies as the untyped data
      // they are (the assertion is the check), implement async interfaces with bodies that need no `await`, throw and
      // reject with non-Errors (what the executors must survive), assert what a void call returns, and name the
      // type a helper decodes to (`decode<A>(…)`).
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off'
    }
  },
  // Scripts outside tsconfig.json (the test runner, tooling, this file): the JavaScript rules, Node's globals.
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } }
  }
)
