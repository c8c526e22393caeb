// `npm run bench`: runs every bench/*.bench.ts in turn and prints their figures.
// Benchmarks measure; they never pass or fail a build. Pass arguments through to each bench, e.g.
// `npm run bench -- --rounds 5`, or name benches: `npm run bench -- check-vs-kubectl`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
// Bench names come first; from the first option on, everything goes to the benches.
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption < 0 ? args : args.slice(0, firstOption);
const passThrough = firstOption < 0 ? [] : args.slice(firstOption);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => names.length === 0 || names.some((n) => f.startsWith(n)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${names.join(', ')}`);
  process.exit(64);
}
for (const b of benches) {
  console.log(`\n== ${b}`);
  const r = spawnSync(process.execPath, [join(here, b), ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${b} could not finish: exit ${r.status})`);
}
