// Runs test/node/*.test.mjs with node:test and writes { passed, failed } for scripts/test.mjs.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';

const files = readdirSync('test/node')
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => `test/node/${f}`);
let passed = 0;
let failed = 0;
const stream = run({ files });
stream.on('test:pass', (t) => {
  if (t.details?.type !== 'suite') passed++;
});
stream.on('test:fail', (t) => {
  if (t.details?.type !== 'suite') failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/node.json', JSON.stringify({ passed, failed }));
  process.exitCode = failed ? 1 : 0;
});
