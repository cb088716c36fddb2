import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevIssuer, ensureInternalKey } from '../../gateway/auth/index.js';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from '../../gateway/subgraphs.js';
import { startChild, stopChildren, type Child } from './process-tree.js';

/** The agency each subgraph calls, as `<AGENCY>_URL` environment names of the mock agencies. */
const SUBGRAPH_AGENCIES: Readonly<Record<SubgraphName, readonly string[]>> = {
  labor: ['LABOR_REGISTRY'],
  population: ['POPULATION'],
  pension: ['SOCIAL_INSURANCE'],
  treasury: ['TREASURY'],
  payments: ['LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'TREASURY', 'BANK', 'POST'],
  accounts: ['LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'POPULATION', 'BANK', 'POST'],
};

export interface StackOptions {
  /** Use port 0 everywhere (tests); otherwise the fixed defaults (gateway 4000, subgraphs 4001–, mocks 4101–). */
  readonly anyPorts?: boolean;
  readonly gatewayPort?: number;
  readonly dataDir: string;
  /** Extra environment for every child (MOCK_SCALE, DATABASE_URL…). */
  readonly env?: Record<string, string>;
  readonly echo?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface Stack {
  readonly gatewayUrl: string;
  readonly agencyUrls: Readonly<Record<string, string>>;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly period: string;
  readonly children: readonly Child[];
  stop(): Promise<void>;
}

const distRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const listeningUrl = (line: Record<string, unknown>) => (/listening$/.test(String(line.msg)) && typeof line.url === 'string' ? line.url : undefined);

/**
 * Starts the whole tree as child processes, in dependency order (mocks, subgraphs, gateway), each on
 * 127.0.0.1, and waits until the gateway reports ready. Any failure stops what was started.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const echo = opts.echo ?? ((line: string) => process.stderr.write(line + '\n'));
  const timeout = opts.readyTimeoutMs ?? 30_000;
  const children: Child[] = [];
  const dataDir = resolve(opts.dataDir);
  const baseEnv = { ...opts.env, DATA_DIR: dataDir };
  try {
    const internal = await ensureInternalKey(dataDir);
    await ensureDevIssuer(dataDir);

    const mockEnv: Record<string, string> = { ...baseEnv };
    if (opts.anyPorts) for (const a of ['POPULATION', 'LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'TREASURY', 'BANK', 'POST']) mockEnv[`MOCK_${a}_PORT`] = '0';
    // A large data set (benchmarks at a million beneficiaries) needs more heap than Node's default.
    const bigData = Number(opts.env?.MOCK_SCALE ?? 0) > 200_000;
    const mocks = startChild('mocks', join(distRoot, 'mocks', 'main.js'), mockEnv, echo, bigData ? ['--max-old-space-size=12288'] : []);
    children.push(mocks);
    const ready = await mocks.waitFor((l) => (l.msg === 'mock agencies listening' ? (l as { urls: Record<string, string>; period: string }) : undefined), timeout);
    const agencyUrls = ready.urls;

    const subgraphUrls = {} as Record<SubgraphName, string>;
    await Promise.all(
      SUBGRAPHS.map(async (name) => {
        const env: Record<string, string> = {
          ...baseEnv,
          PORT: String(opts.anyPorts ? 0 : DEFAULT_SUBGRAPH_PORTS[name]),
          INTERNAL_PUBLIC_KEY_FILE: internal.publicKeyPath,
        };
        for (const agency of SUBGRAPH_AGENCIES[name]) env[`${agency}_URL`] = agencyUrls[agency]!;
        const child = startChild(name, join(distRoot, 'subgraphs', name, 'main.js'), env, echo);
        children.push(child);
        subgraphUrls[name] = await child.waitFor(listeningUrl, timeout);
      }),
    );

    const gatewayEnv: Record<string, string> = {
      ...baseEnv,
      GATEWAY_MODE: 'development',
      PORT: String(opts.anyPorts ? 0 : (opts.gatewayPort ?? 4000)),
      SCHEMA_DIR: join(distRoot, '..', 'schema'),
      MOCK_AGENCY_URLS: JSON.stringify(agencyUrls),
    };
    for (const name of SUBGRAPHS) gatewayEnv[`SUBGRAPH_${name.toUpperCase()}_URL`] = subgraphUrls[name];
    const gateway = startChild('gateway', join(distRoot, 'gateway', 'main.js'), gatewayEnv, echo);
    children.push(gateway);
    const gatewayUrl = await gateway.waitFor(listeningUrl, timeout);
    await waitReady(gatewayUrl, timeout);
    return { gatewayUrl, agencyUrls, subgraphUrls, period: ready.period, children, stop: () => stopChildren(children) };
  } catch (error) {
    await stopChildren(children);
    throw error;
  }
}

/** Polls /readyz until it answers 200. */
async function waitReady(gatewayUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const url = new URL('/readyz', gatewayUrl);
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('gateway did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}
