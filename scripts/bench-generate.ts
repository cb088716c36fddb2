import { performance } from 'node:perf_hooks';
import { vietnamDate } from '../schema/time.js';
import { DEFAULT_SEED, generateDataset } from '../mocks/fixtures/generator.js';

/**
 * Measures the mock data generator: node dist/scripts/bench-generate.js
 * Environment: MOCK_SCALE (bulk beneficiaries, default 1,000,000), MOCK_SEED, MOCK_REFERENCE_DATE.
 */

const scale = Number(process.env.MOCK_SCALE ?? 1_000_000);
const seed = process.env.MOCK_SEED ? Number(process.env.MOCK_SEED) : DEFAULT_SEED;
const referenceDate = process.env.MOCK_REFERENCE_DATE || vietnamDate(new Date());

const started = performance.now();
const cpuBefore = process.cpuUsage();
const dataset = generateDataset({ seed, scale, referenceDate });
const elapsed = performance.now() - started;
// CPU time too: on a shared machine wall time alone also measures the neighbours.
const cpu = process.cpuUsage(cpuBefore);
const memory = process.memoryUsage();
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let payments = 0;
let cancelled = 0;
for (const list of [...dataset.laborLists, ...dataset.insuranceLists]) {
  payments += list.items.length;
  for (const item of list.items) if (item.cancelledAt !== null) cancelled++;
}

const rows: [string, string][] = [
  ['scale', scale.toLocaleString('en-US')],
  ['seed / reference date', `${seed} / ${referenceDate} (periods ${dataset.periods.join(', ')})`],
  ['generation time', `${(elapsed / 1000).toFixed(2)} s wall, ${(cpu.user / 1e6).toFixed(2)} s user + ${(cpu.system / 1e6).toFixed(2)} s system CPU`],
  ['rss now / peak', `${mb(memory.rss)} / ${mb(process.resourceUsage().maxRSS * 1024)}`],
  ['heap used / total', `${mb(memory.heapUsed)} / ${mb(memory.heapTotal)}`],
  ['population', dataset.population.length.toLocaleString('en-US')],
  ['registry / insurance', `${dataset.registry.length.toLocaleString('en-US')} / ${dataset.insurance.length.toLocaleString('en-US')}`],
  ['accounts / on file', `${dataset.accounts.length.toLocaleString('en-US')} / ${dataset.accountsOnFile.length.toLocaleString('en-US')}`],
  ['lists (labor + insurance)', `${(dataset.laborLists.length + dataset.insuranceLists.length).toLocaleString('en-US')} (${dataset.laborLists.length.toLocaleString('en-US')} + ${dataset.insuranceLists.length.toLocaleString('en-US')})`],
  ['payments (cancelled)', `${payments.toLocaleString('en-US')} (${cancelled.toLocaleString('en-US')})`],
  ['treasury orders', dataset.treasuryOrders.length.toLocaleString('en-US')],
  ['payer events', dataset.payerEvents.length.toLocaleString('en-US')],
];
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(26)} ${v}\n`);
