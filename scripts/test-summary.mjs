// Sums the jest JSON reports of every project and tier into one table and one closing line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'tmp/test-results';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
let brokenSuites = 0;

for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  // A suite that fails to load (syntax error, missing server in beforeAll) has no failed tests: count it.
  const broken = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  brokenSuites += broken;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + broken;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // Projects without tests in a tier (yet) are left out of the table, not out of the totals.
  if (report.numTotalTests + broken > 0) {
    rows.push([file.replace(/\.json$/, ''), report.numPassedTests, report.numFailedTests + broken, report.numPendingTests]);
  }
}

const width = Math.max(12, ...rows.map(([name]) => name.length));
console.log(`\n${'project-tier'.padEnd(width)}  passed  failed  skipped`);
for (const [name, passed, failed, skipped] of rows) {
  console.log(`${name.padEnd(width)}  ${String(passed).padStart(6)}  ${String(failed).padStart(6)}  ${String(skipped).padStart(7)}`);
}
if (brokenSuites) console.log(`(${brokenSuites} test file(s) failed before running their tests; counted as failed)`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
