import 'reflect-metadata';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generateDataset } from '../mocks/fixtures/generator.js';
import type { Dataset } from '../mocks/fixtures/dataset.js';
import { startInProcessStack, type InProcessStack } from '../test/support/in-process-stack.js';

/**
 * Benchmark of issue 7: the monthly payment status of one province with about 10,000 payments, through the
 * gateway, with mock agencies, subgraphs and gateway in this one process over real HTTP.
 *
 *   npm run build && node dist/scripts/bench-payments.js
 *
 * Environment: BENCH_SCALE (bulk beneficiaries, default 22,000: about 10,000 payments a month in the largest
 * province), MOCK_SEED, BENCH_ROUNDS (timed rounds per case after one warm-up, default 3). Prints, per case, the
 * time and the upstream (mock agency) calls; the target is under 2 s per case. Not a test: machines differ.
 */

export interface BenchCase {
  readonly name: string;
  readonly payments: number;
  /** Client requests to the gateway in one round (a page of at most 500 payments is one). */
  readonly requests: number;
  /** Milliseconds of each timed round. */
  readonly roundsMs: readonly number[];
  /** Agency calls of one round, by agency. */
  readonly upstream: Readonly<Record<string, number>>;
  /** Gateway-to-subgraph requests of one round. */
  readonly subgraphRequests: number;
}

export interface PaymentsBenchResult {
  readonly scale: number;
  readonly period: string;
  readonly areaCode: string;
  readonly areaPayments: number;
  readonly generationMs: number;
  readonly cases: readonly BenchCase[];
}

export const TARGET_MS = 2000;

const repoRoot = (): string => {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return basename(up) === 'dist' ? resolve(up, '..') : up;
};

/** The province with the most payments in the data set's newest month, and that count. */
function busiestProvince(dataset: Dataset): { code: string; payments: number } {
  const counts = new Map<string, number>();
  for (const l of [...dataset.laborLists, ...dataset.insuranceLists]) {
    if (l.period === dataset.period) counts.set(l.provinceCode, (counts.get(l.provinceCode) ?? 0) + l.items.length);
  }
  const [code, payments] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['38', 0];
  return { code, payments };
}

async function post(stack: InProcessStack, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, operationName: 'Bench' }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`benchmark query failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

const SUMMARY = `query Bench($a: AreaCode!, $p: Period!) {
  disbursementSummary(areaCode: $a, period: $p) { paymentCount paidCount paidCashlessCount cashlessRate accountCoverageRate byMethod { method count } }
}`;
const PAGE = `query Bench($f: PaymentFilter!, $after: String) {
  payments(filter: $f, first: 500, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id beneficiaryCitizenId status method amount paidAt statusReason } }
  }
}`;
const BATCHES = `query Bench($a: AreaCode!, $p: Period!) {
  paymentBatches(period: $p, areaCode: $a) { id status itemCount totalAmount payer { code } treasuryOrder { status amount } }
}`;

/** Runs every case; the stack is started and stopped here. */
export async function benchPayments(opts: { scale: number; seed: number; rounds: number }): Promise<PaymentsBenchResult> {
  const started = performance.now();
  const dataset = generateDataset({ seed: opts.seed, scale: opts.scale, referenceDate: '2026-11-15' });
  const generationMs = performance.now() - started;
  const area = busiestProvince(dataset);
  const now = new Date('2026-11-15T03:00:00.000Z');
  const stack = await startInProcessStack({
    dataset,
    clock: () => now,
    gatewayEnv: { SCHEMA_DIR: join(repoRoot(), 'schema') },
    agency: { timeoutMs: 10_000 },
  });
  try {
    const token = await stack.token({ scope: 'payments:read reports:read', areas: [area.code] });
    const vars = { a: area.code, p: dataset.period };
    const cases: { name: string; run: () => Promise<{ rows: number; requests: number }> }[] = [
      { name: 'disbursementSummary (province, month)', run: async () => ({ rows: (await post(stack, token, SUMMARY, vars)).disbursementSummary.paymentCount, requests: 1 }) },
      {
        name: 'payments, every page of 500 (province, month)',
        run: async () => {
          let after: string | null = null;
          let seen = 0;
          for (let requests = 1; ; requests++) {
            const page: any = (await post(stack, token, PAGE, { f: { period: dataset.period, areaCode: area.code }, after })).payments;
            seen += page.edges.length;
            if (!page.pageInfo.hasNextPage) return { rows: seen, requests };
            after = page.pageInfo.endCursor;
          }
        },
      },
      {
        name: 'payments(status: FAILED) first 500 (every status needed)',
        run: async () => ({
          rows: (await post(stack, token, PAGE, { f: { period: dataset.period, areaCode: area.code, status: 'FAILED' }, after: null })).payments.totalCount,
          requests: 1,
        }),
      },
      {
        name: 'paymentBatches with status and treasury order',
        run: async () => ({ rows: (await post(stack, token, BATCHES, vars)).paymentBatches.reduce((n: number, b: any) => n + b.itemCount, 0), requests: 1 }),
      },
    ];
    const out: BenchCase[] = [];
    for (const c of cases) {
      await c.run();
      const roundsMs: number[] = [];
      let upstream: Record<string, number> = {};
      let subgraphRequests = 0;
      let payments = 0;
      let requests = 0;
      for (let i = 0; i < opts.rounds; i++) {
        for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
        const before = Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0);
        const t = performance.now();
        ({ rows: payments, requests } = await c.run());
        roundsMs.push(performance.now() - t);
        upstream = Object.fromEntries(Object.entries(stack.mocks.mocks).map(([name, m]) => [name, m.stats().requests]));
        subgraphRequests = Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0) - before;
      }
      out.push({ name: c.name, payments, requests, roundsMs, upstream, subgraphRequests });
    }
    return { scale: opts.scale, period: dataset.period, areaCode: area.code, areaPayments: area.payments, generationMs, cases: out };
  } finally {
    await stack.stop();
  }
}

/** The result as a plain-text table. */
export function formatPaymentsBench(r: PaymentsBenchResult): string {
  const lines = [
    `payments benchmark: scale ${r.scale.toLocaleString('en-US')}, period ${r.period}, province ${r.areaCode} with ${r.areaPayments.toLocaleString('en-US')} payments (data generated in ${(r.generationMs / 1000).toFixed(1)} s)`,
  ];
  for (const c of r.cases) {
    // The target is per client request: a page of 500 is the most one request may ask for.
    const best = Math.min(...c.roundsMs) / c.requests;
    const calls = Object.entries(c.upstream)
      .filter(([, n]) => n > 0)
      .map(([a, n]) => `${a} ${n}`)
      .join(', ');
    const total = Object.values(c.upstream).reduce((a, b) => a + b, 0);
    lines.push(
      `  ${c.name.padEnd(50)} ${c.roundsMs.map((ms) => `${ms.toFixed(0)} ms`).join(' / ').padEnd(22)}` +
        (c.requests > 1 ? ` (${c.requests} requests, best ${best.toFixed(0)} ms each)` : '') +
        ` ${best < TARGET_MS ? 'under' : 'OVER'} ${TARGET_MS} ms; rows ${c.payments.toLocaleString('en-US')};` +
        ` upstream calls ${total} (${calls}); subgraph requests ${c.subgraphRequests}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchPayments({
    scale: Number(process.env.BENCH_SCALE ?? 22_000),
    seed: process.env.MOCK_SEED ? Number(process.env.MOCK_SEED) : DEFAULT_SEED,
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  });
  process.stdout.write(formatPaymentsBench(result) + '\n');
}
