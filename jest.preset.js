// One jest configuration for every project; the tier (unit | int | e2e) picks the files.
// Test files are named `*.unit.spec.ts`, `*.int.spec.ts`, `*.e2e.spec.ts`, after the tier they belong to;
// `*.esdb.spec.ts` is the EventStoreDB contract run, which needs a Docker engine or ESDB_CONNECTION_STRING;
// `*.faults.spec.ts` the fault suite (`npm run test:faults`), which stops and kills the local servers;
// `*.fuzz.spec.ts` the fuzzing (`npm run test:fuzz`).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const TIERS = ['unit', 'int', 'e2e', 'esdb', 'faults', 'fuzz'];
const TIMEOUTS = { unit: 5_000, int: 60_000, e2e: 120_000, esdb: 120_000, faults: 1_800_000, fuzz: 900_000 };

// Map the tsconfig path aliases (@civic/x) to their sources so tests run TypeScript directly.
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, path.join(__dirname, target)]),
);

module.exports = function jestConfig(projectDir) {
  const tier = process.env.TEST_TIER || 'unit';
  if (!TIERS.includes(tier)) throw new Error(`TEST_TIER must be one of ${TIERS.join(', ')}, got "${tier}"`);
  return {
    displayName: `${path.basename(projectDir)}:${tier}`,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/**/*.${tier}.spec.ts`],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    moduleNameMapper,
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    testTimeout: TIMEOUTS[tier],
    // Proves a date-shifted run (scripts/test-dates.sh) really moved the clock; a no-op otherwise.
    setupFiles: [path.join(__dirname, 'scripts', 'jest-date-guard.js')],
    passWithNoTests: true,
    // Servers and child processes must be closed by the tests themselves; this only reports leaks.
    detectOpenHandles: false,
  };
};
