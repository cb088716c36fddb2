import { buildSchema } from 'graphql';
import { generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { mintInternalCredential, type Principal } from '../../schema/index.js';
import { createLogger } from '../../schema/logger.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from './server.js';

const principal: Principal = { subject: 'bench', clientId: 'router', scopes: [], areas: ['*'], requestId: 'r-1' };
const now = () => new Date();
let server: SubgraphServer | undefined;
afterEach(async () => server?.close());

async function statusWith(trust: InternalTrust, token: string | null, body = JSON.stringify({ query: '{ __typename }' })): Promise<number> {
  server = await createSubgraphServer({
    name: 'labor',
    schema: buildSchema('type Query { ok: Boolean }'),
    verifyKey: trust,
    clock: now,
    logger: createLogger('test', 'silent'),
    createContext: (base) => base,
  });
  const url = await server.listen(0);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  await server.close();
  server = undefined;
  return res.status;
}

describe('the internal credential a subgraph accepts', async () => {
  const gateway = await generateKeyPair('ES256');
  const stranger = await generateKeyPair('ES256');

  it('takes the gateway\'s 60 s credential for its own name only, and nothing else', async () => {
    expect([
      await statusWith(gateway.publicKey, await mintInternalCredential(gateway.privateKey, principal, 'labor', now())),
      await statusWith(gateway.publicKey, await mintInternalCredential(gateway.privateKey, principal, 'population', now())),
      await statusWith(gateway.publicKey, await mintInternalCredential(stranger.privateKey, principal, 'labor', now())),
      await statusWith(gateway.publicKey, null),
    ]).toEqual([200, 401, 401, 401]);
  });

  it('takes a long-lived benchmark credential only when configured to (INTERNAL_MAX_TTL_S)', async () => {
    const longLived = await mintInternalCredential(gateway.privateKey, principal, ['labor', 'population'], now(), 3600);
    expect([
      await statusWith(gateway.publicKey, longLived),
      await statusWith({ key: gateway.publicKey, maxTtlSeconds: 3600 }, longLived),
      await statusWith({ key: gateway.publicKey, maxTtlSeconds: 600 }, longLived),
    ]).toEqual([401, 200, 401]);
  });
});

describe('request bodies', async () => {
  const gateway = await generateKeyPair('ES256');
  it('answers 413 to a body over the limit (read to its end, not a reset connection)', async () => {
    const token = await mintInternalCredential(gateway.privateKey, principal, 'labor', now());
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    expect(await statusWith(gateway.publicKey, token, huge)).toBe(413);
  });
});
