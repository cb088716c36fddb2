import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { mintInternalCredential } from '../../schema/index.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken, type DevTokenOptions } from '../auth/index.js';
import { errorCodes, gql, logCapture, probe, withUpstream, type Probe } from './testing/probe.js';

/*
 * The attack table of issue 8, row by row, over HTTP against the in-process stack (mock agencies, subgraphs,
 * gateway). Each row asserts the HTTP status, the error code and, where it matters, that nothing upstream was asked.
 * Rows 1–13 have verifier-level twins in gateway/auth; here they are checked at the HTTP boundary.
 */

const PERIOD = '2026-10';
const ALL_SCOPES = 'beneficiary:read citizen:read accounts:read accounts:read:full accounts:write payments:read reports:read audit:read';
const log = logCapture();
let stack: InProcessStack;
let url: string;
let auditor: string;

/** A token signed by the stack's dev issuer, with anything a test wants to vary. */
const tokenWith = (options: Omit<DevTokenOptions, 'now'>) => signDevToken(stack.issuerPrivateJwk, { now: new Date(), scope: 'beneficiary:read', areas: ['38'], ...options });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = () => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'mallory', client_id: 'evil', scope: ALL_SCOPES, areas: ['*'], jti: `j-${Math.random()}`, iat: now, exp: now + 300 };
};

/** A server standing in for an issuer's JWKS endpoint or an attacker's key host; counts every path asked. */
async function keyHost(routes: Record<string, unknown>): Promise<{ url: string; hits: Map<string, number>; close(): Promise<void> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path in routes) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(routes[path]));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Asserts the 401 of scopes.md: the challenge header, UNAUTHENTICATED with the request id, nothing upstream. */
async function expectUnauthenticated(send: () => Promise<Probe>, challenge = 'Bearer error="invalid_token"') {
  const { result, agencies, subgraphs } = await withUpstream(stack, send);
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toBe(challenge);
  expect(errorCodes(result.body)).toEqual([[undefined, 'UNAUTHENTICATED']]);
  expect(result.body.errors[0].extensions.requestId).toBe(result.headers.get('x-request-id'));
  expect(result.body.data).toBeUndefined();
  expect({ agencies, subgraphs }).toEqual({ agencies: {}, subgraphs: {} });
}

const viewer = '{ viewer { subject scopes } }';

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET, logSink: log.sink });
  url = stack.gatewayUrl;
  auditor = await stack.token({ scope: 'audit:read', areas: [], sub: 'officer', clientId: 'audit-console' });
});
afterAll(async () => stack?.stop());

describe('rows 1–13: tokens', () => {
  test('1: no Authorization, Basic, Bearer with garbage → 401 with the right challenge', async () => {
    await expectUnauthenticated(() => probe(url, { body: { query: viewer } }), 'Bearer');
    await expectUnauthenticated(() => probe(url, { authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', body: { query: viewer } }));
    await expectUnauthenticated(() => probe(url, { authorization: 'Bearer garbage', body: { query: viewer } }));
    await expectUnauthenticated(() => probe(url, { authorization: 'Bearer ', body: { query: viewer } }));
  });

  test('2: alg none → 401', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims())}.`;
    await expectUnauthenticated(() => probe(url, { token: unsigned, body: { query: viewer } }));
  });

  test('3: HS256 signed with the public key as the secret → 401, not 500', async () => {
    const { d: _private, ...publicJwk } = stack.issuerPrivateJwk;
    for (const secret of [JSON.stringify(publicJwk), publicJwk.x!]) {
      const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: publicJwk.kid! }).sign(new TextEncoder().encode(secret));
      await expectUnauthenticated(() => probe(url, { token: forged, body: { query: viewer } }));
    }
  });

  describe('4–6: keys (a gateway reading its JWKS from a URL)', () => {
    let issuerHost: Awaited<ReturnType<typeof keyHost>>;
    let attackerHost: Awaited<ReturnType<typeof keyHost>>;
    let jwksGateway: { url: string; close(): Promise<void> };
    let attacker: { privateKey: CryptoKey; publicJwk: JWK };

    beforeAll(async () => {
      const { d: _d, ...publicJwk } = stack.issuerPrivateJwk;
      issuerHost = await keyHost({ '/jwks.json': { keys: [publicJwk] } });
      const pair = await generateKeyPair('ES256', { extractable: true });
      attacker = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), alg: 'ES256', kid: 'attacker' } };
      attackerHost = await keyHost({ '/jwks': { keys: [attacker.publicJwk] }, '/cert': 'not a cert' });
      jwksGateway = await stack.startGateway({ JWKS_URL: `${issuerHost.url}/jwks.json`, JWKS_COOLDOWN_MS: '60000', AUDIT_SQLITE_PATH: ':memory:' });
      // The first token loads the JWKS once.
      const ok = await gql(jwksGateway.url, await tokenWith({}), viewer);
      expect(ok.status).toBe(200);
    });
    afterAll(async () => {
      await issuerHost?.close();
      await attackerHost?.close();
    });
    const forge = (header: Record<string, unknown>) => new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', ...header }).sign(attacker.privateKey);
    const refused = async (token: string) => {
      const res = await probe(jwksGateway.url, { token, body: { query: viewer } });
      expect([res.status, res.headers.get('www-authenticate'), errorCodes(res.body)]).toEqual([401, 'Bearer error="invalid_token"', [[undefined, 'UNAUTHENTICATED']]]);
    };

    test('4: signed by a key not in the JWKS → 401; 100 unknown kids → at most one JWKS refetch per cooldown', async () => {
      await refused(await forge({ kid: stack.issuerPrivateJwk.kid }));
      for (let i = 0; i < 100; i += 1) await refused(await forge({ kid: `unknown-${i}` }));
      expect(issuerHost.hits.get('/jwks.json')).toBeLessThanOrEqual(2);
    });

    test('5: a kid crafted as a path or SQL → 401, nothing looked up outside the JWKS', async () => {
      for (const kid of ["../../x' OR 1=1--", '../../../etc/passwd', 'http://127.0.0.1:1/x']) await refused(await forge({ kid }));
      expect([...issuerHost.hits.keys()]).toEqual(['/jwks.json']);
      expect(issuerHost.hits.get('/jwks.json')).toBeLessThanOrEqual(2);
    });

    test('6: jku, x5u or an embedded jwk pointing at the attacker’s key → 401, the headers are ignored', async () => {
      await refused(await forge({ kid: 'attacker', jku: `${attackerHost.url}/jwks` }));
      await refused(await forge({ kid: 'attacker', x5u: `${attackerHost.url}/cert` }));
      await refused(await forge({ kid: 'attacker', jwk: attacker.publicJwk }));
      await refused(await forge({ jwk: attacker.publicJwk }));
      expect(attackerHost.hits.size).toBe(0);
    });
  });

  test('7: expired by 120 s → 401; by 30 s (tolerance 60) → accepted', async () => {
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ iatOffsetSeconds: -300, ttlSeconds: -120 }), body: { query: viewer } }));
    const res = await gql(url, await tokenWith({ iatOffsetSeconds: -300, ttlSeconds: -30, sub: 'late' }), viewer);
    expect([res.status, res.body]).toEqual([200, { data: { viewer: { subject: 'late', scopes: ['beneficiary:read'] } } }]);
  });

  test('8: missing exp, iat, jti, sub or client_id → 401', async () => {
    for (const claim of ['exp', 'iat', 'jti', 'sub', 'client_id'] as const) {
      await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ omit: [claim] }), body: { query: viewer } }));
    }
  });

  test('9: nbf 10 minutes ahead; iat older than the maximum age → 401', async () => {
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ nbfOffsetSeconds: 600 }), body: { query: viewer } }));
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ iatOffsetSeconds: -1000, ttlSeconds: 600 }), body: { query: viewer } }));
  });

  test('10: wrong aud; foreign iss → 401', async () => {
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ audience: 'another-api' }), body: { query: viewer } }));
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ issuer: 'https://evil.example' }), body: { query: viewer } }));
  });

  test('11: typ JWT (an ID token) → 401', async () => {
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ typ: 'JWT' }), body: { query: viewer } }));
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ typ: '' }), body: { query: viewer } }));
  });

  test('12: a token over 8 KB → 401 before verification', async () => {
    const big = await tokenWith({ extraClaims: { pad: 'x'.repeat(9000) } });
    const before = log.lines.length;
    await expectUnauthenticated(() => probe(url, { token: big, body: { query: viewer } }));
    const refusal = log.lines.slice(before).map((l) => JSON.parse(l)).find((l) => l.msg === 'token refused');
    expect(refusal?.reason).toBe('too_large');
  });

  test('13: scope tricks grant nothing', async () => {
    const tricks: Omit<DevTokenOptions, 'now'>[] = [
      { scope: 'Beneficiary:Read' },
      { scope: 'beneficiary:read:x' },
      { scope: ' beneficiary:read,citizen:read' },
      { extraClaims: { scope: ['beneficiary:read'] } },
      { scope: '', extraClaims: { scp: 'beneficiary:read' } },
      { scope: '', extraClaims: { scp: ['beneficiary:read'], roles: ['admin'], scopes: 'beneficiary:read' } },
    ];
    for (const trick of tricks) {
      const token = await tokenWith(trick);
      const { result, subgraphs, agencies } = await withUpstream(stack, () => gql(url, token, `{ viewer { scopes } beneficiary(citizenId: "${TINY.selfBank}") { citizenId } }`));
      expect([result.status, result.body.data, errorCodes(result.body)]).toEqual([200, { viewer: { scopes: [] }, beneficiary: null }, [['beneficiary', 'FORBIDDEN']]]);
      expect({ subgraphs, agencies }).toEqual({ subgraphs: {}, agencies: {} });
    }
  });
});

describe('rows 14–18: scopes and areas', () => {
  test('14: without citizen:read, citizen is null with FORBIDDEN at its path, the rest present, the population agency not called', async () => {
    const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'] });
    const { result, agencies } = await withUpstream(stack, () => gql(url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId fullName citizen { fullName } } }`));
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ beneficiary: { citizenId: TINY.selfBank, fullName: 'Nguyễn Văn An', citizen: null } });
    expect(errorCodes(result.body)).toEqual([['beneficiary.citizen', 'FORBIDDEN']]);
    expect(agencies.POPULATION).toBeUndefined();
  });

  test('15: without accounts:read:full, accountNumber is FORBIDDEN; the masked number is there with accounts:read', async () => {
    const token = await stack.token({ scope: 'beneficiary:read accounts:read', areas: ['38'] });
    const res = await gql(url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { paymentAccount { accountNumberMasked accountNumber } } }`);
    expect(res.status).toBe(200);
    const link = res.body.data.beneficiary.paymentAccount;
    expect(link).toEqual({ accountNumberMasked: expect.stringMatching(/^\*+[0-9A-Za-z]{4}$/), accountNumber: null });
    expect(errorCodes(res.body)).toEqual([['beneficiary.paymentAccount.accountNumber', 'FORBIDDEN']]);
    const full = await gql(url, await stack.token({ scope: 'beneficiary:read accounts:read accounts:read:full', areas: ['38'] }), `{ beneficiary(citizenId: "${TINY.selfBank}") { paymentAccount { accountNumber } } }`);
    expect([full.status, errorCodes(full.body), typeof full.body.data.beneficiary.paymentAccount.accountNumber]).toEqual([200, [], 'string']);
  });

  test('16: without accounts:write, linkPaymentAccount is FORBIDDEN and nothing is written', async () => {
    const token = await stack.token({ scope: 'beneficiary:read accounts:read', areas: ['38'] });
    const history = `{ beneficiary(citizenId: "${TINY.selfBank}") { paymentAccountHistory { id status } } }`;
    const before = await gql(url, token, history);
    const mutation = `mutation ($input: LinkPaymentAccountInput!) { linkPaymentAccount(input: $input) { link { id } userErrors { code } } }`;
    const input = { idempotencyKey: 'attack-16-key', beneficiaryCitizenId: TINY.selfBank, method: 'BANK_ACCOUNT', providerCode: '970415', accountNumber: '1234567890', consentReference: 'C-16' };
    const { result, subgraphs, agencies } = await withUpstream(stack, () => gql(url, token, mutation, { input }));
    expect([result.status, result.body.data, errorCodes(result.body)]).toEqual([200, { linkPaymentAccount: null }, [['linkPaymentAccount', 'FORBIDDEN']]]);
    expect({ subgraphs, agencies }).toEqual({ subgraphs: {}, agencies: {} });
    expect((await gql(url, token, history)).body).toEqual(before.body);
  });

  test('17: a province-38 token asking for province 01 gets null, absence or FORBIDDEN for the summary — and is audited', async () => {
    const token = await stack.token({ scope: 'beneficiary:read payments:read reports:read', areas: ['38'], sub: 'officer-38' });
    const direct = await gql(url, token, `{ beneficiary(citizenId: "${TINY.otherProvince}") { citizenId } beneficiaries(citizenIds: ["${TINY.otherProvince}", "${TINY.selfBank}"]) { citizenId } }`);
    expect([direct.status, direct.body]).toEqual([200, { data: { beneficiary: null, beneficiaries: [null, { citizenId: TINY.selfBank }] } }]);

    const search = await gql(url, token, `{ searchBeneficiaries(filter: {}, first: 100) { edges { node { citizenId } } } }`);
    const found = search.body.data.searchBeneficiaries.edges.map((e: { node: { citizenId: string } }) => e.node.citizenId);
    expect(found).toContain(TINY.selfBank);
    expect(found).not.toContain(TINY.otherProvince);
    const searchOther = await gql(url, token, `{ searchBeneficiaries(filter: { areaCode: "01" }) { totalCount edges { node { citizenId } } } }`);
    expect(searchOther.body.data.searchBeneficiaries).toEqual({ totalCount: 0, edges: [] });

    const payments = await gql(url, token, `{ payments(filter: { period: "${PERIOD}", areaCode: "01" }) { totalCount edges { node { beneficiaryCitizenId } } } paymentBatches(period: "${PERIOD}", areaCode: "01") { id } payment(id: "PAY-202610-0808") { id } }`);
    expect([payments.status, payments.body.data, errorCodes(payments.body)]).toEqual([200, { payments: { totalCount: 0, edges: [] }, paymentBatches: [], payment: null }, []]);
    const own = await gql(url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { payments(period: "${PERIOD}") { id } } }`);
    expect(own.body.data.beneficiary.payments.length).toBeGreaterThan(0);

    const summary = await gql(url, token, `{ disbursementSummary(areaCode: "01", period: "${PERIOD}") { paymentCount } }`);
    expect([summary.status, summary.body.data, errorCodes(summary.body)]).toEqual([200, { disbursementSummary: null }, [['disbursementSummary', 'FORBIDDEN']]]);

    const audit = await gql(url, auditor, `{ auditEvents(filter: { subject: "officer-38", citizenId: "${TINY.otherProvince}" }, first: 10) { edges { node { fields citizenIds outcome } } } }`);
    expect(audit.body.data.auditEvents.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { fields: ['Query.beneficiary', 'Query.beneficiaries'], citizenIds: [TINY.otherProvince, TINY.selfBank], outcome: 'OK' },
    ]);
    const refusedSummary = await gql(url, auditor, `{ auditEvents(filter: { subject: "officer-38" }, first: 1) { edges { node { fields outcome } } } }`);
    expect(refusedSummary.body.data.auditEvents.edges[0].node).toEqual({ fields: ['Query.disbursementSummary'], outcome: 'DENIED' });
  });

  test('17 (no areas): a token without areas sees no beneficiary data, and no subgraph is asked', async () => {
    const token = await stack.token({ scope: 'beneficiary:read citizen:read payments:read reports:read', areas: [] });
    const { result, subgraphs, agencies } = await withUpstream(stack, () =>
      gql(
        url,
        token,
        `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId } beneficiaries(citizenIds: ["${TINY.selfBank}"]) { citizenId }
           searchBeneficiaries(filter: {}) { totalCount edges { node { citizenId } } } citizen(id: "${TINY.selfBank}") { fullName }
           payments(filter: { period: "${PERIOD}" }) { totalCount } disbursementSummary(areaCode: "38", period: "${PERIOD}") { paymentCount } }`,
      ),
    );
    expect([result.status, result.body.data, errorCodes(result.body)]).toEqual([
      200,
      { beneficiary: null, beneficiaries: [null], searchBeneficiaries: { totalCount: 0, edges: [] }, citizen: null, payments: { totalCount: 0 }, disbursementSummary: null },
      [['disbursementSummary', 'FORBIDDEN']],
    ]);
    expect({ subgraphs, agencies }).toEqual({ subgraphs: {}, agencies: {} });
  });

  test('18: straight to a subgraph without the gateway’s credential → refused, no agency called', async () => {
    const { privateKey: otherKey } = await generateKeyPair('ES256');
    const principal = { subject: 'mallory', clientId: 'evil', scopes: ALL_SCOPES.split(' '), areas: ['*'], requestId: 'r' };
    const userToken = await stack.token({ scope: ALL_SCOPES, areas: ['*'] });
    const foreign = await mintInternalCredential(otherKey, principal, 'labor', new Date());
    const query = { query: `{ registryBeneficiaries(citizenIds: ["${TINY.selfBank}"]) { citizenId } }` };
    for (const [name, subgraphUrl] of Object.entries(stack.subgraphUrls)) {
      for (const authorization of [undefined, `Bearer ${userToken}`, `Bearer ${foreign}`, 'Bearer x.y.z']) {
        const { result, agencies } = await withUpstream(stack, () => probe(subgraphUrl, { ...(authorization ? { authorization } : {}), body: query }));
        expect([name, result.status]).toEqual([name, 401]);
        expect(agencies).toEqual({});
      }
    }
  });
});

describe('rows 19–26: documents and requests', () => {
  const token = () => stack.token({ scope: ALL_SCOPES, areas: ['*'] });
  /** Asserts a refusal before execution: status, code, no data, nothing upstream. */
  async function expectRefused(send: () => Promise<Probe>, status: number, code: string) {
    const { result, agencies, subgraphs } = await withUpstream(stack, send);
    expect([result.status, errorCodes(result.body), 'data' in (result.body ?? {})]).toEqual([status, [[undefined, code]], false]);
    expect(result.body.errors[0].extensions.requestId).toBe(result.headers.get('x-request-id'));
    expect({ agencies, subgraphs }).toEqual({ agencies: {}, subgraphs: {} });
  }
  const area = (depth: number) => `${'province { '.repeat(depth)}code${' }'.repeat(depth)}`;

  test('19: depth 12, 16 aliases, 11 directives, 3,000 tokens, a fragment cycle → QUERY_TOO_COMPLEX before execution', async () => {
    const t = await token();
    const id = `"${TINY.selfBank}"`;
    // beneficiary(1) area(2) province ×9 → depth 11 with the leaf; one more makes 12.
    await expectRefused(() => gql(url, t, `{ beneficiary(citizenId: ${id}) { area { ${area(9)} } } }`), 400, 'QUERY_TOO_COMPLEX');
    await expectRefused(() => gql(url, t, `{ beneficiary(citizenId: ${id}) { area { ${area(10)} } } }`), 400, 'QUERY_TOO_COMPLEX');
    await expectRefused(() => gql(url, t, `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { subject }`).join(' ')} }`), 400, 'QUERY_TOO_COMPLEX');
    await expectRefused(() => gql(url, t, `{ viewer { ${Array.from({ length: 11 }, () => 'subject @include(if: true)').join(' ')} } }`), 400, 'QUERY_TOO_COMPLEX');
    await expectRefused(() => gql(url, t, `{ viewer { ${'subject '.repeat(3000)}} }`), 400, 'QUERY_TOO_COMPLEX');
    await expectRefused(() => gql(url, t, `{ viewer { ...A } } fragment A on Viewer { subject ...B } fragment B on Viewer { ...A }`), 400, 'QUERY_TOO_COMPLEX');
    // At the limits exactly, everything passes.
    const atLimits = await gql(url, t, `{ beneficiary(citizenId: ${id}) { area { ${area(7)} } } ${Array.from({ length: 15 }, (_, i) => `v${i}: viewer { subject @include(if: true) }`).slice(0, 10).join(' ')} }`);
    expect([atLimits.status, errorCodes(atLimits.body)]).toEqual([200, []]);
  });

  test('20: a JSON array of 50 operations → 400', async () => {
    const t = await token();
    await expectRefused(() => probe(url, { token: t, body: Array.from({ length: 50 }, () => ({ query: viewer })) }), 400, 'BAD_USER_INPUT');
  });

  test('21: a mutation over GET → 405; a form-encoded POST → 415', async () => {
    const t = await token();
    const mutation = 'mutation { unlinkPaymentAccount(input: { idempotencyKey: "k-21-aaaaa", linkId: "x", reason: "r" }) { replayed } }';
    await expectRefused(() => probe(url, { token: t, search: `?query=${encodeURIComponent(mutation)}` }), 405, 'BAD_USER_INPUT');
    const get = await probe(url, { token: t, search: `?query=${encodeURIComponent(viewer)}` });
    expect([get.status, get.body.data.viewer.subject]).toEqual([200, 'dev-user']);
    await expectRefused(() => probe(url, { token: t, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(viewer)}` }), 415, 'BAD_USER_INPUT');
    await expectRefused(() => probe(url, { token: t, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: viewer }) }), 415, 'BAD_USER_INPUT');
  });

  test('22: a 200 KB body → 413', async () => {
    const t = await token();
    await expectRefused(() => probe(url, { token: t, body: { query: viewer, variables: { pad: 'x'.repeat(200 * 1024) } } }), 413, 'QUERY_TOO_COMPLEX');
  });

  test('23: __schema without audit:read → refused; with it → allowed (and exempt from the depth limit)', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const without = await gql(url, await stack.token({ scope: 'beneficiary:read citizen:read', areas: ['*'] }), introspection);
    expect([without.status, without.body.data, errorCodes(without.body)]).toEqual([200, null, [['__schema', 'FORBIDDEN']]]);
    const typeProbe = await gql(url, await stack.token({ scope: 'beneficiary:read', areas: ['*'] }), '{ __type(name: "AuditEvent") { fields { name } } }');
    expect(errorCodes(typeProbe.body)).toEqual([['__type', 'FORBIDDEN']]);
    const typename = await gql(url, await stack.token({ scope: '', areas: [] }), '{ __typename viewer { __typename } }');
    expect([typename.status, typename.body]).toEqual([200, { data: { __typename: 'Query', viewer: { __typename: 'Viewer' } } }]);

    const allowed = await gql(url, auditor, introspection);
    expect([allowed.status, allowed.body]).toEqual([200, { data: { __schema: { queryType: { name: 'Query' } } } }]);
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const deepAllowed = await gql(url, auditor, deep);
    expect([deepAllowed.status, errorCodes(deepAllowed.body)]).toEqual([200, []]);
  });

  test('24: a typo gets a validation error without a suggestion', async () => {
    const res = await gql(url, await token(), `{ benificiary(citizenId: "${TINY.selfBank}") { citizenId } }`);
    expect([res.status, errorCodes(res.body), 'data' in res.body]).toEqual([400, [[undefined, 'GRAPHQL_VALIDATION_FAILED']], false]);
    expect(res.text).not.toMatch(/Did you mean|"beneficiary"/);
    const field = await gql(url, await token(), `{ beneficiary(citizenId: "${TINY.selfBank}") { fulName } }`);
    expect([field.status, errorCodes(field.body)]).toEqual([400, [[undefined, 'GRAPHQL_VALIDATION_FAILED']]]);
    expect(field.text).not.toMatch(/Did you mean|fullName/);
  });

  test('25: beneficiaries with 101 IDs; first: 100000 → BAD_USER_INPUT, nothing upstream', async () => {
    const t = await token();
    const ids = Array.from({ length: 101 }, () => TINY.selfBank);
    const cases = [
      { query: 'query ($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }', variables: { ids }, field: 'beneficiaries' },
      { query: '{ searchBeneficiaries(filter: {}, first: 100000) { totalCount } }', variables: undefined, field: 'searchBeneficiaries' },
      { query: `{ payments(filter: { period: "${PERIOD}" }, first: 100000) { totalCount } }`, variables: undefined, field: 'payments' },
    ];
    for (const c of cases) {
      const { result, agencies } = await withUpstream(stack, () => gql(url, t, c.query, c.variables));
      expect([result.status, result.body.data, errorCodes(result.body)]).toEqual([200, { [c.field]: null }, [[c.field, 'BAD_USER_INPUT']]]);
      expect(agencies).toEqual({});
    }
  });

  test('26: malformed citizen IDs are refused before any upstream call and never echoed, in answers or logs', async () => {
    const t = await token();
    const bad = ['03805000010', '0380500001011', '03805000010A', 'abcdefghijkl', '０３８０５００００１０１', '000050000101'];
    for (const id of bad) {
      const before = log.lines.length;
      const literal = await withUpstream(stack, () => gql(url, t, `{ beneficiary(citizenId: "${id}") { citizenId } }`));
      expect([literal.result.status, errorCodes(literal.result.body)]).toEqual([400, [[undefined, 'GRAPHQL_VALIDATION_FAILED']]]);
      const variable = await withUpstream(stack, () => gql(url, t, 'query ($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }', { id }));
      expect([variable.result.status, errorCodes(variable.result.body)]).toEqual([400, [[undefined, 'BAD_USER_INPUT']]]);
      expect([literal.agencies, literal.subgraphs, variable.agencies, variable.subgraphs]).toEqual([{}, {}, {}, {}]);
      expect(literal.result.text + variable.result.text).not.toContain(id);
      expect(log.lines.slice(before).join('')).not.toContain(id);
    }
  });
});

describe('row 27: hostile strings', () => {
  test('hostile names as the token subject are stored and read back safely, or refused with a code; diacritics pass', async () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    const names = ["'; DROP TABLE audit_event;--", '<script>alert(1)</script>', nfd, 'Nguyễn Thị Ánh', 'a\u0000b'];
    for (const sub of names) {
      const token = await tokenWith({ sub, scope: '', areas: [] });
      const res = await gql(url, token, viewer);
      expect([res.status, res.body.data.viewer.subject]).toEqual([200, sub]);
      const stored = sub.replace(/\u0000/g, '\uFFFD');
      const audit = await gql(url, auditor, 'query ($s: String) { auditEvents(filter: { subject: $s }, first: 1) { totalCount edges { node { subject fields outcome } } } }', { s: stored });
      expect(audit.body.data.auditEvents).toEqual({ totalCount: 1, edges: [{ node: { subject: stored, fields: ['Query.viewer'], outcome: 'OK' } }] });
    }
    // 10 KB of name makes the token too large: refused with a code before anything is read.
    await expectUnauthenticated(async () => probe(url, { token: await tokenWith({ sub: 'Ă'.repeat(5000) }), body: { query: viewer } }));
    const status = await gql(url, auditor, '{ auditChainStatus { intact firstBrokenSequence } }');
    expect(status.body.data.auditChainStatus).toEqual({ intact: true, firstBrokenSequence: null });
  });
});

describe('row 28: rate limits', () => {
  test('700 requests in a minute from one client (limit 600): the excess gets 429 RATE_LIMITED with Retry-After; other clients unaffected', async () => {
    const flooder = await stack.token({ scope: '', areas: [], clientId: 'flood-client' });
    const statuses: number[] = [];
    const limited: Probe[] = [];
    const started = Date.now();
    for (let batch = 0; batch < 700 / 25; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 25 }, () => gql(url, flooder, '{ __typename }')));
      for (const a of answers) {
        statuses.push(a.status);
        if (a.status === 429) limited.push(a);
      }
    }
    const elapsedMs = Date.now() - started;
    expect(statuses.filter((s) => s === 200).length).toBe(600);
    expect(limited.length).toBe(100);
    for (const r of limited) {
      expect(errorCodes(r.body)).toEqual([[undefined, 'RATE_LIMITED']]);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    const other = await gql(url, await stack.token({ scope: '', areas: [], clientId: 'quiet-client' }), '{ __typename }');
    expect(other.status).toBe(200);
    console.info(`row 28: 700 audited requests in ${elapsedMs} ms`);
  });

  test('failed authentications past the limit get 429 before any token is verified', async () => {
    const small = await stack.startGateway({ RATE_LIMIT_AUTH_FAILURES: '5', AUDIT_SQLITE_PATH: ':memory:' });
    try {
      for (let i = 0; i < 5; i += 1) expect((await probe(small.url, { authorization: 'Bearer nope', body: { query: viewer } })).status).toBe(401);
      const blocked = await probe(small.url, { token: await stack.token({ scope: '', areas: [] }), body: { query: viewer } });
      expect([blocked.status, errorCodes(blocked.body), Number(blocked.headers.get('retry-after')) > 0]).toEqual([429, [[undefined, 'RATE_LIMITED']], true]);
    } finally {
      await small.close();
    }
  });
});

describe('row 29: tampering with the audit', () => {
  test('an edited or deleted row breaks the chain at its sequence', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../../storage/index.js');
    const { auditEntities, auditMigrations } = await import('../audit/index.js');
    const dir = await mkdtemp(join(tmpdir(), 'asxh-tamper-'));
    const sqlitePath = join(dir, 'audit.sqlite');
    const gw = await stack.startGateway({ AUDIT_SQLITE_PATH: sqlitePath });
    const admin = await openDatabase({ sqlitePath, schema: 'audit', entities: auditEntities, migrations: auditMigrations });
    const sql = (text: string) => admin.orm.em.getConnection().execute(text, [], 'run');
    try {
      const t = await stack.token({ scope: '', areas: [] });
      for (let i = 0; i < 5; i += 1) expect((await gql(gw.url, t, viewer)).status).toBe(200);
      const status = async () => (await gql(gw.url, auditor, '{ auditChainStatus { length intact firstBrokenSequence } }')).body.data.auditChainStatus;
      expect(await status()).toEqual({ length: 5, intact: true, firstBrokenSequence: null });
      await sql(`update "audit_event" set "subject" = 'someone-else' where "sequence" = 3`);
      expect(await status()).toEqual({ length: 6, intact: false, firstBrokenSequence: 3 });
      await sql(`update "audit_event" set "subject" = 'dev-user' where "sequence" = 3`);
      expect(await status()).toEqual({ length: 7, intact: true, firstBrokenSequence: null });
      await sql(`delete from "audit_event" where "sequence" = 2`);
      expect(await status()).toEqual({ length: 8, intact: false, firstBrokenSequence: 2 });
    } finally {
      await admin.close();
      await gw.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('row 30: upstream errors carrying internals', () => {
  test('a failing agency shows only the code, the source and the request id', async () => {
    const token = await stack.token({ scope: 'beneficiary:read citizen:read', areas: ['38'] });
    stack.mocks.mocks.POPULATION.setFault({ mode: 'down' });
    const before = log.lines.length;
    try {
      const res = await gql(url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizen { fullName } } }`);
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        {
          message: 'POPULATION is unavailable',
          path: ['beneficiary', 'citizen'],
          extensions: { code: 'SOURCE_UNAVAILABLE', source: 'POPULATION', requestId: res.headers.get('x-request-id') },
        },
      ]);
      expect(res.text).not.toMatch(/127\.0\.0\.1|https?:|\bat\s|stack/);
      // The failure is logged (by the subgraph and the gateway) without the citizen ID in clear.
      const logged = log.lines.slice(before).join('');
      expect(logged).toContain(res.headers.get('x-request-id'));
      expect(logged).not.toContain(TINY.selfBank);
    } finally {
      stack.mocks.mocks.POPULATION.setFault(null);
    }
  });

  test('a subgraph answering with a stack trace, SQL and an internal URL is masked; the original is logged with the request id', async () => {
    const leak = "relation \"people\" does not exist: select * from people where id = '038050000101' at Object.<anonymous> (/srv/labor/dist/db.js:10:5) via http://10.0.0.7:8080/internal";
    const fake = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            data: null,
            errors: [
              { message: leak, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x', '    at /srv/labor/dist/db.js:10:5'], sql: 'select 1' } },
              { message: leak, extensions: { code: 'SOURCE_UNAVAILABLE', source: 'LABOR_REGISTRY' } },
            ],
          }),
        ),
      );
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    const gw = await stack.startGateway({ SUBGRAPH_LABOR_URL: fakeUrl, AUDIT_SQLITE_PATH: ':memory:' });
    try {
      const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'] });
      const before = log.lines.length;
      const res = await gql(gw.url, token, `{ beneficiary(citizenId: "${TINY.selfBank}") { citizenId } }`);
      const requestId = res.headers.get('x-request-id');
      expect(res.status).toBe(200);
      for (const error of res.body.errors) {
        expect(Object.keys(error.extensions).sort()).toEqual(error.extensions.code === 'SOURCE_UNAVAILABLE' ? ['code', 'requestId', 'source'] : ['code', 'requestId']);
        expect(error.extensions.requestId).toBe(requestId);
      }
      expect(res.text).not.toMatch(/select|people|\/srv|10\.0\.0\.7|stacktrace|038050000101/);
      const logged = log.lines.slice(before).join('');
      expect(logged).toContain(requestId);
      expect(logged).not.toContain('038050000101');
    } finally {
      await gw.close();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });
});
