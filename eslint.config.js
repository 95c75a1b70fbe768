import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'bench-data/', 'dist/', 'dist.building-*/', 'bench-peer/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Domain and ledger code stay pure: no I/O modules, no clock.
    files: ['src/domain/**/*.ts', 'src/ledger/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|worker_threads|cluster)$',
              message: 'domain and ledger code does no I/O',
            },
            {
              regex: '^(express|better-sqlite3|@eventstore/.*|@aws-sdk/.*|pino)$',
              message: 'domain and ledger code does no I/O',
            },
            {
              regex: '/(adapters|app|http|cli|ports)/',
              message: 'dependencies point down: domain and ledger import nothing above them',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'inject the clock' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'inject the clock',
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // tamper tests edit envelopes as loose JSON
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
