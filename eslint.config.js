// Lint enforces the architecture written down in ARCHITECTURE.md: project tags + depConstraints keep
// frameworks and I/O out of the domain and keep services from importing each other; inside a service,
// the composition root and the entry points are imported by no one but the modules that wire them.
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
function boundaries({ tests, bench = false, allow = [] }) {
  const testing = tests ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allowCircularSelfDependency: false,
      // Benchmarks measure the services themselves, so they import the services' code by path; nothing else may.
      allow: [...(bench ? ['../services/**', '../../services/**', '../../../services/**'] : []), ...allow],
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
        { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:testing', 'type:bench'] },
        // Tests across the services (tests/): they call the services over HTTP and import none of them.
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:testing'] },
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
    files: ['bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true, bench: true }) },
  },
  {
    // The fuzz run (npm run test:fuzz) starts and seeds the platform with the cross-tenant tests' harness.
    files: ['tests/fuzz/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true, allow: ['../cross-tenant/*'] }) },
  },
  {
    // The domain has no clock of its own: `now` arrives with the command.
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in the domain: take `now` from the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in the domain: take `now` from the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'No randomness in the domain: take ids from the command.',
        },
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
  ...serviceFolders(),
];

/**
 * The shape of a service's `src/` (ARCHITECTURE.md): `main.ts` and `app.module.ts` are imported by no one
 * (`main.ts` excepted); controllers and handlers are entry points that only modules wire; HTTP libraries
 * stay in the files that face HTTP, so features can be driven from Kafka or a test alike.
 */
function serviceFolders() {
  const root = { group: ['**/app.module', '**/main', './main'], message: 'The composition root is imported by main.ts only.' };
  const entry = {
    group: ['**/*.controller'],
    message: 'Controllers are entry points: only modules wire them. Move what they share into a file of its own.',
  };
  const http = {
    group: ['@nestjs/swagger', 'express', 'nestjs-zod'],
    message: 'HTTP belongs in controllers, DTOs and http/: an application service does not know how it is called.',
  };
  const httpFiles = [
    '**/*.controller.ts',
    '**/*.dto.ts',
    '**/http/**',
    '**/*openapi*.ts',
    '**/*.filter.ts',
    '**/*.guard.ts',
    '**/*.middleware.ts',
  ];
  const sources = ['services/*/src/**/*.ts'];
  const tests = ['**/*.spec.ts'];
  const rule = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { files: sources, ignores: [...tests, '**/main.ts', '**/*.module.ts', ...httpFiles], rules: rule(root, entry, http) },
    { files: httpFiles.map((glob) => `services/*/src/${glob}`), ignores: [...tests, '**/*.module.ts'], rules: rule(root, entry) },
    { files: ['services/*/src/**/*.module.ts'], ignores: tests, rules: rule(root) },
  ];
}
