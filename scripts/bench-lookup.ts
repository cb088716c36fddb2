import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDataset } from '../mocks/fixtures/generator.js';
import { startInProcessStack } from '../test/support/in-process-stack.js';

/**
 * Lookup benchmark: `node dist/scripts/bench-lookup.js` (BENCH_SCALE, BENCH_ROUNDS). Runs the whole stack in this
 * process over real HTTP and prints latency percentiles and the upstream requests each operation costs.
 */
const SEARCH = `query Search($first: Int, $after: String) { searchBeneficiaries(filter: { areaCode: "38" }, first: $first, after: $after) {
  totalCount pageInfo { endCursor hasNextPage }
  edges { node { citizenId fullName dateOfBirth area { name province { name } } paymentMethod
    entitlements { program source monthlyAmount status } representatives { role fullName validUntil }
    citizen { fullName vitalStatus dateOfDeath } alerts { code source } } } } }`;
const ONE = `query One($id: CitizenId!) { beneficiary(citizenId: $id) { fullName entitlements { program source } citizen { vitalStatus } alerts { code } } }`;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Runs the lookup cases and returns printable lines. */
export async function benchLookup(opts: { scale: number; rounds: number }): Promise<string[]> {
  const dataset = generateDataset({ seed: 20261, scale: opts.scale, referenceDate: '2026-11-15' });
  const now = new Date('2026-11-15T03:00:00.000Z');
  const stack = await startInProcessStack({ dataset, clock: () => now, agency: { timeoutMs: 10_000 } });
  const lines: string[] = [`lookup benchmark: scale ${opts.scale}, ${opts.rounds} rounds per case, whole stack in one process (2 cores shared)`];
  try {
    const token = await stack.token({ scope: 'beneficiary:read citizen:read', areas: ['38'] });
    const id = dataset.scenarios.scenarios.SELF_BANK_ACTIVE.citizenId;
    const cases: [string, string, Record<string, unknown>][] = [
      ['beneficiary (one person, 3 subgraphs)', ONE, { id }],
      ['searchBeneficiaries first 10, every lookup field', SEARCH, { first: 10 }],
      ['searchBeneficiaries first 100, every lookup field', SEARCH, { first: 100 }],
    ];
    for (const [name, query, variables] of cases) {
      await stack.query(token, query, variables);
      const times: number[] = [];
      let subgraphRequests = 0;
      let agencyRequests = 0;
      for (let i = 0; i < opts.rounds; i++) {
        for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
        const before = Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0);
        const t = performance.now();
        const { body } = await stack.query(token, query, variables);
        times.push(performance.now() - t);
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        subgraphRequests = Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0) - before;
        agencyRequests = Object.values(stack.mocks.mocks).reduce((n, m) => n + m.stats().requests, 0);
      }
      lines.push(
        `${name.padEnd(52)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  ` +
          `subgraph requests ${subgraphRequests}  agency requests ${agencyRequests}`,
      );
    }
  } finally {
    await stack.stop();
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines = await benchLookup({ scale: Number(process.env.BENCH_SCALE ?? 20_000), rounds: Number(process.env.BENCH_ROUNDS ?? 30) });
  for (const l of lines) console.log(l);
}
