import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startProcessTree, type ProcessTree } from './support/process-tree.js';

// The whole process tree exactly as `npm start` starts it (compiled dist/), on free ports.
let tree: ProcessTree;
let gatewayUrl: string;
let agencies: Record<string, string>;
let subgraphs: Record<string, string>;

const subgraphRequests = async (name: string) => {
  const text = await (await fetch(new URL('/metrics', subgraphs[name]))).text();
  return Number(/subgraph_requests_total\{[^}]*\} (\d+)/.exec(text)?.[1]);
};
const agencyRequests = async (name: string) => ((await (await fetch(new URL('/__control/stats', agencies[name]))).json()) as { requests: number }).requests;

beforeAll(async () => {
  tree = await startProcessTree({ MOCK_SCALE: '800' });
  ({ gatewayUrl, agencies, subgraphs } = tree as unknown as { gatewayUrl: string; agencies: Record<string, string>; subgraphs: Record<string, string> });
});

afterAll(async () => {
  await tree?.stop();
});

const token = (args: string[]) => tree.token(args);
const gql = (bearer: string | null, query: string, variables?: Record<string, unknown>) => tree.gql(bearer, query, variables);

describe('npm start', () => {
  it('prints the gateway URL and a ready line within 30 s', () => {
    expect(tree.readyLine).toMatch(/^asxh-gateway ready in [0-9.]+ s at http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(tree.startMs).toBeLessThan(30_000);
    expect(Object.keys(agencies).sort()).toEqual(['BANK', 'LABOR_REGISTRY', 'POPULATION', 'POST', 'SOCIAL_INSURANCE', 'TREASURY']);
  });

  it('answers /healthz and /readyz, and lists the mock agencies', async () => {
    expect((await fetch(new URL('/healthz', gatewayUrl))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', gatewayUrl));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
    expect(await (await fetch(new URL('/__control/agencies', gatewayUrl))).json()).toEqual(agencies);
  });

  it('refuses a request without a valid token with 401', async () => {
    const none = await gql(null, '{ viewer { subject } }');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await gql('garbage', '{ viewer { subject } }');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('merges the registry (labor) and the population database (population) for a token from `npm run token`', async () => {
    const scenarios = JSON.parse(await readFile(join(repoRoot, 'mocks/fixtures/scenarios.json'), 'utf8'));
    const id = scenarios.scenarios.SELF_BANK_ACTIVE.citizenId as string;
    const t = await token(['--scope', 'beneficiary:read citizen:read', '--areas', '38']);
    const { status, body } = await gql(t, `query ($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId fullName citizen { vitalStatus } } }`, { id });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.beneficiary).toMatchObject({ citizenId: id, citizen: { vitalStatus: 'ALIVE' } });
    expect(body.data.beneficiary.fullName).toEqual(expect.any(String));
  });

  it('fetches 100 beneficiaries\' citizens with exactly one request at the population subgraph and one at its agency', async () => {
    const t = await token(['--scope', 'beneficiary:read citizen:read', '--areas', '*']);
    const page = await gql(t, '{ searchBeneficiaries(filter: {}, first: 100) { edges { node { citizenId } } } }');
    const ids = page.body.data.searchBeneficiaries.edges.map((e: { node: { citizenId: string } }) => e.node.citizenId);
    expect(ids).toHaveLength(100);
    const [sub0, mock0] = [await subgraphRequests('population'), await agencyRequests('POPULATION')];
    const { body } = await gql(t, 'query ($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { fullName citizen { fullName } } }', { ids });
    expect(body.errors).toBeUndefined();
    expect(body.data.beneficiaries).toHaveLength(100);
    expect(body.data.beneficiaries.filter((b: { citizen: unknown } | null) => b?.citizen).length).toBeGreaterThan(90);
    expect([(await subgraphRequests('population')) - sub0, (await agencyRequests('POPULATION')) - mock0]).toEqual([1, 1]);
  });

  it('stops every child cleanly on SIGTERM', async () => {
    expect(await tree.stop()).toBe(0);
    await expect(fetch(new URL('/healthz', gatewayUrl))).rejects.toThrow();
    for (const url of Object.values(agencies)) await expect(fetch(new URL('/__control/stats', url))).rejects.toThrow();
  });
});
