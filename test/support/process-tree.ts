import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

/** The repository root (tests run from the sources; the tree runs from dist/). */
export const repoRoot = join(import.meta.dirname, '..', '..');

export interface ProcessTree {
  readonly gatewayUrl: string;
  readonly agencies: Readonly<Record<string, string>>;
  readonly subgraphs: Readonly<Record<string, string>>;
  readonly readyLine: string;
  readonly startMs: number;
  readonly child: ChildProcess;
  /** A token from `npm run token`'s script, signed with this tree's dev key. */
  token(args: readonly string[]): Promise<string>;
  gql(bearer: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<number | null>;
}

/**
 * Runs `dist/scripts/start-all.js` exactly as `npm start` does, but on free ports (ASXH_ANY_PORTS=1) and a
 * fresh data directory, and reads the URLs it prints.
 */
export async function startProcessTree(env: Record<string, string> = {}): Promise<ProcessTree> {
  const dataDir = await mkdtemp(join(tmpdir(), 'asxh-e2e-'));
  const started = Date.now();
  const child = spawn(process.execPath, [join(repoRoot, 'dist/scripts/start-all.js')], {
    cwd: repoRoot,
    env: { ...process.env, ASXH_ANY_PORTS: '1', DATA_DIR: dataDir, START_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const agencies: Record<string, string> = {};
  const subgraphs: Record<string, string> = {};
  let gatewayUrl = '';
  const readyLine = await new Promise<string>((resolve, reject) => {
    let section = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/^(Mock agencies|Subgraphs):$/.test(line)) section = line;
      const m = /^ {2}(\S+)\s+(http\S+)$/.exec(line);
      if (m) (section === 'Subgraphs:' ? subgraphs : agencies)[m[1]!] = m[2]!;
      if (line.startsWith('Gateway: ')) gatewayUrl = line.slice('Gateway: '.length);
      if (line.startsWith('asxh-gateway ready')) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`start-all exited with ${code} before it was ready`)));
  });
  const startMs = Date.now() - started;
  return {
    gatewayUrl,
    agencies,
    subgraphs,
    readyLine,
    startMs,
    child,
    token: async (args) =>
      (await promisify(execFile)(process.execPath, [join(repoRoot, 'dist/scripts/token.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir } })).stdout.trim(),
    async gql(bearer, query, variables) {
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    async stop() {
      let code: number | null = child.exitCode;
      if (code === null && child.signalCode === null) {
        const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
        child.kill('SIGTERM');
        code = await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
