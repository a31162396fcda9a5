// The console's initial JavaScript: what index.html loads before any page's own chunk (its module scripts and
// their modulepreloads), gzipped, against the budget of 250 KB. Prints the figure; exits 1 over budget.
//   node services/console/web/scripts/initial-size.cjs [dist folder]
// CommonJS so that the e2e test (jest) checks the same measure.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

const BUDGET_BYTES = 250 * 1024;

/** The gzipped size of every script index.html loads up front, by file. */
function initialScripts(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  return sources.map((source) => ({ file: source, gzipBytes: gzipSync(readFileSync(path.join(distDir, source))).length }));
}

module.exports = { BUDGET_BYTES, initialScripts };

if (require.main === module) {
  const distDir = process.argv[2] ?? path.resolve(__dirname, '../../../../dist/services/console/web');
  const scripts = initialScripts(distDir);
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const script of scripts) console.log(`  ${script.file}  ${kb(script.gzipBytes)} gzipped`);
  console.log(`console: initial JavaScript ${kb(total)} gzipped (budget ${kb(BUDGET_BYTES)})`);
  if (total > BUDGET_BYTES) process.exit(1);
}
