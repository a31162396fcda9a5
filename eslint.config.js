// Lint enforces the architecture: project tags + depConstraints keep frameworks and I/O out of the
// domain and keep services from importing each other (STYLE.md, practice 11).
const nx = require('@nx/eslint-plugin');

// Libraries that do I/O or bring a framework: none of them may appear in pure domain code.
const FRAMEWORK_AND_IO = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  'pg',
  '@eventstore/*',
  'express',
  'nodemailer',
  'pino',
  'nestjs-pino',
  'testcontainers',
  '@testcontainers/*',
  'axios',
  'undici',
];

// Tests may use the testing library on top of what their project may import; production code may not.
function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allowCircularSelfDependency: false,
      depConstraints: [
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:domain', ...testing],
          bannedExternalImports: tests ? [] : FRAMEWORK_AND_IO,
        },
        { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', ...testing] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:testing'] },
        // A service may use the libraries but never another service.
        { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', ...testing] },
      ],
    },
  ];
}

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.local/**', 'tmp/**', 'coverage/**', '.nx/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ tests: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) },
  },
  {
    // The domain has no clock of its own: `now` arrives with the command.
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the domain: take `now` from the command.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in the domain: take `now` from the command.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain: take ids from the command.' },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch'],
      // Node built-ins are not npm packages, so the Nx rule does not see them; this rule does.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'child_process', 'crypto', 'worker_threads'],
              message: 'The domain does no I/O: pass what it needs in with the command.',
            },
          ],
        },
      ],
    },
  },
];
