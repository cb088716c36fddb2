import { randomBytes } from 'node:crypto';
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { createTestTarget, type TestDatabaseTarget } from '../../storage/testing/test-database.js';
import { errorCodes, gql, probe, type Probe } from '../security/testing/probe.js';
import { GENESIS_HASH, chainHash } from './index.js';

/*
 * The audit as wired into the gateway: every operation, refused ones included, appended before its answer with
 * who, the operation, the root fields, the citizen IDs and the outcome of scopes.md; concurrent appends through
 * the gateway; two gateway instances on one PostgreSQL schema sharing one chain and one Redis rate limit.
 */

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const EVENT_FIELDS = 'sequence at subject clientId operationName operationType fields citizenIds outcome hash previousHash requestId';

let stack: InProcessStack;
let auditor: string;

interface Event {
  sequence: number;
  at: string;
  subject: string;
  clientId: string;
  operationName: string | null;
  operationType: string;
  fields: string[];
  citizenIds: string[];
  outcome: string;
  hash: string;
  previousHash: string;
  requestId: string;
}

/** The audit event of one answer, found by its request id. */
async function eventOf(url: string, answer: Probe): Promise<Omit<Event, 'sequence' | 'at' | 'hash' | 'previousHash' | 'requestId'>> {
  const requestId = answer.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const page = await gql(url, auditor, `{ auditEvents(first: 200) { edges { node { ${EVENT_FIELDS} } } } }`);
  const event = (page.body.data.auditEvents.edges as { node: Event }[]).map((e) => e.node).find((e) => e.requestId === requestId);
  expect(event, `audit event of ${requestId}`).toBeDefined();
  const { sequence: _s, at: _a, hash: _h, previousHash: _p, requestId: _r, ...rest } = event!;
  return rest;
}

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET });
  auditor = await stack.token({ scope: 'audit:read', areas: [], sub: 'officer', clientId: 'audit-console' });
});
afterAll(async () => stack?.stop());

describe('what each operation leaves in the audit', () => {
  const reader = () => stack.token({ scope: 'beneficiary:read', areas: ['38'], sub: 'reader', clientId: 'portal' });

  test('OK: who, operation, root fields and the citizen IDs asked for and returned', async () => {
    const res = await gql(
      stack.gatewayUrl,
      await reader(),
      `query Lookup($ids: [CitizenId!]!) { a: beneficiary(citizenId: "${TINY.guardianChild}") { citizenId representatives { citizenId } } beneficiaries(citizenIds: $ids) { citizenId } viewer { subject } __typename }`,
      { ids: [TINY.selfBank, TINY.otherProvince] },
    );
    expect([res.status, errorCodes(res.body)]).toEqual([200, []]);
    expect(await eventOf(stack.gatewayUrl, res)).toEqual({
      subject: 'reader',
      clientId: 'portal',
      operationName: 'Lookup',
      operationType: 'query',
      fields: ['Query.beneficiary', 'Query.beneficiaries', 'Query.viewer'],
      citizenIds: [TINY.guardianChild, TINY.guardian, TINY.selfBank, TINY.otherProvince],
      outcome: 'OK',
    });
  });

  test('records the people an answer shows even when the client asked for no IDs, and hides the added fields', async () => {
    const res = await gql(stack.gatewayUrl, await reader(), `{ searchBeneficiaries(filter: { areaCode: "38" }, first: 3) { edges { node { fullName representatives { fullName } } } } }`);
    expect(errorCodes(res.body)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('_audit');
    const page = [...new Set([...TINY_DATASET.registry, ...TINY_DATASET.insurance].filter((b) => b.provinceCode === '38').map((b) => b.citizenId))].sort().slice(0, 3);
    const representatives = TINY_DATASET.registry.filter((b) => page.includes(b.citizenId)).flatMap((b) => b.representatives.map((r) => r.citizenId));
    expect([...(await eventOf(stack.gatewayUrl, res)).citizenIds].sort()).toEqual([...new Set([...page, ...representatives])].sort());
  });

  test('PARTIAL: data with errors', async () => {
    const res = await gql(stack.gatewayUrl, await reader(), `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId citizen { fullName } } }`);
    expect(errorCodes(res.body)).toEqual([['beneficiary.citizen', 'FORBIDDEN']]);
    expect(await eventOf(stack.gatewayUrl, res)).toMatchObject({ fields: ['Query.beneficiary'], citizenIds: [TINY.selfBank], outcome: 'PARTIAL' });
  });

  test('DENIED: no valid token (anonymous), every root field forbidden, introspection without audit:read', async () => {
    const anonymous = await probe(stack.gatewayUrl, { authorization: 'Bearer nope', body: { query: '{ viewer { subject } }' } });
    expect(anonymous.status).toBe(401);
    expect(await eventOf(stack.gatewayUrl, anonymous)).toEqual({
      subject: 'anonymous',
      clientId: 'anonymous',
      operationName: null,
      operationType: 'unknown',
      fields: [],
      citizenIds: [],
      outcome: 'DENIED',
    });
    const forbidden = await gql(stack.gatewayUrl, await reader(), `{ citizen(id: "${TINY.selfBank}") { fullName } auditChainStatus { intact } }`);
    expect(await eventOf(stack.gatewayUrl, forbidden)).toMatchObject({ fields: ['Query.citizen', 'Query.auditChainStatus'], citizenIds: [TINY.selfBank], outcome: 'DENIED' });
    const introspection = await gql(stack.gatewayUrl, await reader(), '{ __schema { queryType { name } } }');
    expect(await eventOf(stack.gatewayUrl, introspection)).toMatchObject({ operationType: 'query', fields: ['Query.__schema'], outcome: 'DENIED' });
  });

  test('ERROR: parse and validation failures, limits, 413, 415, array batches', async () => {
    const token = await reader();
    const cases: [Probe, Partial<Event>][] = [
      [await gql(stack.gatewayUrl, token, '{ viewer { '), { operationType: 'unknown', fields: [] }],
      [await gql(stack.gatewayUrl, token, '{ nothing }'), { operationType: 'query', fields: [] }],
      [await gql(stack.gatewayUrl, token, `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { subject }`).join(' ')} }`), { fields: ['Query.viewer'] }],
      [await probe(stack.gatewayUrl, { token, body: { query: '{ viewer { subject } }', variables: { pad: 'x'.repeat(150_000) } } }), { fields: [] }],
      [await probe(stack.gatewayUrl, { token, headers: { 'content-type': 'text/plain' }, body: '{}' }), { fields: [] }],
      [await probe(stack.gatewayUrl, { token, body: [{ query: '{ viewer { subject } }' }] }), { fields: [] }],
      [await gql(stack.gatewayUrl, token, 'query ($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }', { id: '123' }), { fields: ['Query.beneficiary'] }],
    ];
    for (const [answer, expected] of cases) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(await eventOf(stack.gatewayUrl, answer)).toMatchObject({ subject: 'reader', citizenIds: [], outcome: 'ERROR', ...expected });
    }
  });

  test('a mutation records the IDs it would change, even when refused', async () => {
    const token = await stack.token({ scope: 'accounts:read', areas: ['38'], sub: 'clerk', clientId: 'portal' });
    const res = await gql(
      stack.gatewayUrl,
      token,
      'mutation Link($input: LinkPaymentAccountInput!) { linkPaymentAccount(input: $input) { replayed } }',
      { input: { idempotencyKey: 'audit-wiring-1', beneficiaryCitizenId: TINY.selfBank, method: 'BANK_ACCOUNT', recipientRole: 'GUARDIAN', recipientCitizenId: TINY.guardian, consentReference: 'C-1' } },
    );
    expect(errorCodes(res.body)).toEqual([['linkPaymentAccount', 'FORBIDDEN']]);
    expect(await eventOf(stack.gatewayUrl, res)).toEqual({
      subject: 'clerk',
      clientId: 'portal',
      operationName: 'Link',
      operationType: 'mutation',
      fields: ['Mutation.linkPaymentAccount'],
      citizenIds: [TINY.selfBank, TINY.guardian],
      outcome: 'DENIED',
    });
  });

  test('an unlink records whose link it changed, though its input names only the link', async () => {
    const officer = await stack.token({ scope: 'accounts:read accounts:write beneficiary:read', areas: ['38'], sub: 'officer', clientId: 'portal' });
    const links = await gql(stack.gatewayUrl, officer, `{ beneficiary(citizenId: "${TINY.selfBank}") { paymentAccount { id } } }`);
    const linkId = links.body.data.beneficiary.paymentAccount.id as string;
    const res = await gql(
      stack.gatewayUrl,
      officer,
      'mutation Unlink($input: UnlinkPaymentAccountInput!) { unlinkPaymentAccount(input: $input) { replayed userErrors { code } } }',
      { input: { idempotencyKey: 'audit-unlink-0001', linkId, reason: 'audit test' } },
    );
    expect([errorCodes(res.body), res.body.data.unlinkPaymentAccount]).toEqual([[], { replayed: false, userErrors: [] }]);
    expect(await eventOf(stack.gatewayUrl, res)).toMatchObject({ fields: ['Mutation.unlinkPaymentAccount'], citizenIds: [TINY.selfBank], outcome: 'OK' });
  });});

describe('reading the audit', () => {
  test('newest first, filtered and paged; every event re-hashes from what the client reads; reads are audited too', async () => {
    const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'], sub: `pager-${randomBytes(3).toString('hex')}` });
    const sent: string[] = [];
    for (let i = 0; i < 5; i += 1) sent.push((await gql(stack.gatewayUrl, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId } }`)).headers.get('x-request-id')!);
    const subject = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
    const seen: Event[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Probe = await gql(
        stack.gatewayUrl,
        auditor,
        `query ($after: String, $s: String) { auditEvents(filter: { subject: $s, citizenId: "${TINY.selfBank}" }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EVENT_FIELDS} } } } }`,
        { after, s: subject },
      );
      const conn = page.body.data.auditEvents;
      expect(conn.totalCount).toBe(5);
      seen.push(...conn.edges.map((e: { node: Event }) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.requestId)).toEqual([...sent].reverse());
    for (const e of seen) {
      const { hash, previousHash, at, ...content } = e;
      expect(chainHash(previousHash, { ...content, at: new Date(at) } as never)).toBe(hash);
    }
    const before = await gql(stack.gatewayUrl, auditor, '{ auditEvents(first: 1) { edges { node { fields clientId } } } }');
    expect(before.body.data.auditEvents.edges[0].node).toEqual({ fields: ['Query.auditEvents'], clientId: 'audit-console' });
    const bad = await gql(stack.gatewayUrl, auditor, '{ auditEvents(first: 5000) { totalCount } a: auditEvents(after: "not-a-cursor") { totalCount } }');
    expect(errorCodes(bad.body)).toEqual([
      ['auditEvents', 'BAD_USER_INPUT'],
      ['a', 'BAD_USER_INPUT'],
    ]);
  });

  test('50 concurrent operations through the gateway: 50 events, one unbroken chain', async () => {
    const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'], clientId: 'concurrent' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => gql(stack.gatewayUrl, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId } }`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const ids = new Set(answers.map((a) => a.headers.get('x-request-id')));
    const page = await gql(stack.gatewayUrl, auditor, `{ auditEvents(first: 200) { edges { node { sequence requestId previousHash hash } } } auditChainStatus { length intact firstBrokenSequence headHash } }`);
    const events = (page.body.data.auditEvents.edges as { node: Event }[]).map((e) => e.node).filter((e) => ids.has(e.requestId));
    expect(events.length).toBe(50);
    const all = (page.body.data.auditEvents.edges as { node: Event }[]).map((e) => e.node).reverse();
    for (let i = 1; i < all.length; i += 1) expect([all[i]!.sequence, all[i]!.previousHash]).toEqual([all[i - 1]!.sequence + 1, all[i - 1]!.hash]);
    expect(page.body.data.auditChainStatus).toMatchObject({ intact: true, firstBrokenSequence: null });
  });

  test('/readyz reports the database up', async () => {
    const res = await probe(stack.gatewayUrl.replace('/graphql', '/readyz'));
    expect([res.status, res.body.status, res.body.database]).toEqual([200, 'ready', 'up']);
  });
});

/** A TCP relay to PostgreSQL that a test can cut, to take the database away from a running gateway. */
async function cuttableRelay(target: URL): Promise<{ port: number; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createTcpServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('on PostgreSQL and Redis', () => {
  let target: TestDatabaseTarget;
  const prefix = `test:gw:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    target = await createTestTarget('postgresql', POSTGRES_URL, 'gwaudit');
  });
  afterAll(async () => target?.dispose());

  test('two gateway instances on one schema share one chain and one Redis rate limit', async () => {
    const env = { DATABASE_URL: POSTGRES_URL, AUDIT_DB_SCHEMA: target.schema, REDIS_URL, RATE_LIMIT_REDIS_PREFIX: prefix, RATE_LIMIT_PER_CLIENT: '30' };
    const [a, b] = await Promise.all([stack.startGateway(env), stack.startGateway(env)]);
    try {
      const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'], clientId: 'shared-client' });
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => gql(i % 2 === 0 ? a.url : b.url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId } }`)),
      );
      const statuses = answers.map((r) => r.status);
      expect([statuses.filter((s) => s === 200).length, statuses.filter((s) => s === 429).length]).toEqual([30, 10]);

      const officer = await stack.token({ scope: 'audit:read', areas: [], clientId: 'audit-console' });
      const read = await gql(b.url, officer, `{ auditChainStatus { length intact firstBrokenSequence headHash } auditEvents(first: 100) { totalCount edges { node { sequence requestId previousHash hash outcome } } } }`);
      const { auditChainStatus: status, auditEvents: events } = read.body.data;
      // 40 operations, then this read's own event is not yet in its own answer.
      expect(status).toMatchObject({ length: 40, intact: true, firstBrokenSequence: null });
      const chain = (events.edges as { node: Event & { outcome: string } }[]).map((e) => e.node).reverse();
      expect(chain.map((e) => e.sequence)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(chain.map((e) => e.previousHash)).toEqual([GENESIS_HASH, ...chain.slice(0, -1).map((e) => e.hash)]);
      expect(new Set(chain.map((e) => e.requestId))).toEqual(new Set(answers.map((r) => r.headers.get('x-request-id'))));
      expect(chain.filter((e) => e.outcome === 'DENIED').length).toBe(10);
      const fromA = await gql(a.url, officer, '{ auditChainStatus { length intact headHash } }');
      expect(fromA.body.data.auditChainStatus).toEqual({ length: 41, intact: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('without its database the gateway is not ready and withholds answers it cannot audit', async () => {
    const relay = await cuttableRelay(new URL(POSTGRES_URL));
    const viaRelay = new URL(POSTGRES_URL);
    viaRelay.port = String(relay.port);
    const gw = await stack.startGateway({ DATABASE_URL: viaRelay.toString(), AUDIT_DB_SCHEMA: target.schema });
    try {
      const token = await stack.token({ scope: '', areas: [] });
      expect((await gql(gw.url, token, '{ viewer { subject } }')).status).toBe(200);
      relay.cut();
      const ready = await probe(gw.url.replace('/graphql', '/readyz'));
      expect([ready.status, ready.body.status, ready.body.database]).toEqual([503, 'unavailable', 'down']);
      const withheld = await gql(gw.url, token, '{ viewer { subject } }');
      expect([withheld.status, errorCodes(withheld.body), 'data' in withheld.body]).toEqual([503, [[undefined, 'INTERNAL_SERVER_ERROR']], false]);
    } finally {
      await gw.close().catch(() => undefined);
      await relay.close();
    }
  });
});
