import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run bench`: every benchmark, each in its own process so one's heap does not skew the next. Numbers are
// printed, never asserted: targets live in the README, and a busy 2-core machine must not fail a build.
const here = dirname(fileURLToPath(import.meta.url));
const runs: { title: string; script: string; env?: Record<string, string>; nodeArgs?: string[] }[] = [
  { title: 'Mock data generation, MOCK_SCALE=1,000,000 (target < 60 s)', script: 'bench-generate.js', env: { MOCK_SCALE: process.env.MOCK_SCALE ?? '1000000' }, nodeArgs: ['--max-old-space-size=8192'] },
  { title: 'Beneficiary lookup', script: 'bench-lookup.js' },
  { title: 'Payment status of an area with ~10,000 payments (target < 2 s per operation)', script: 'bench-payments.js' },
];
let failed = 0;
for (const run of runs) {
  console.log(`\n== ${run.title}`);
  const r = spawnSync(process.execPath, [...(run.nodeArgs ?? []), join(here, run.script)], { stdio: 'inherit', env: { ...process.env, ...run.env } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
