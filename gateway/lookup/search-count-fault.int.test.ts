import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDataset } from '../../mocks/fixtures/generator.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';

// ownership.md: a search answers from the roots that answered, lists the missing one in unavailableSources and
// raises no error. Here both roots answer the page, but the request counting people on both roots fails.
const dataset = generateDataset({ seed: DEFAULT_SEED, scale: 300, referenceDate: '2026-11-15' });
let stack: InProcessStack;
let proxy: Server;
let gateway: { url: string; close(): Promise<void> };

beforeAll(async () => {
  stack = await startInProcessStack({ dataset });
  const labor = new URL(stack.subgraphUrls.labor);
  // In front of the labor subgraph: every request passes but the people count, which answers 503.
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (body.includes('registryMatchCount')) {
      res.writeHead(503).end();
      return;
    }
    const upstream = await fetch(labor, { method: 'POST', headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body });
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  gateway = await stack.startGateway({ SUBGRAPH_LABOR_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` });
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((r) => proxy?.close(r));
  await stack?.stop();
});

describe('search when the people count fails', () => {
  it('still answers the page, names the root whose count is missing, and raises no error', async () => {
    const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'] });
    const query = 'query S { searchBeneficiaries(filter: { areaCode: "38" }, first: 5) { totalCount unavailableSources edges { node { citizenId } } } }';
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as any;
    const direct = await stack.query(token, query);
    expect(body.errors).toBeUndefined();
    expect(body.data.searchBeneficiaries.edges).toEqual(direct.body.data.searchBeneficiaries.edges);
    expect(body.data.searchBeneficiaries.unavailableSources).toEqual(['LABOR_REGISTRY']);
    expect(body.data.searchBeneficiaries.totalCount).toBeLessThanOrEqual(direct.body.data.searchBeneficiaries.totalCount);
  });
});
