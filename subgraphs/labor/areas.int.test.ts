import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';

// ownership.md, Areas: the root subgraphs apply the caller's areas themselves, also when reached by reference
// (the other root may hold the person in the caller's area while this one files them elsewhere).
let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET });
});
afterAll(async () => stack?.stop());

const ENTITY = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Beneficiary { registryRecord { fullName } representatives { citizenId } } } }`;

async function entity(subgraph: 'labor', areas: string[], query: string) {
  const credential = await stack.internalCredential(subgraph, { scopes: ['beneficiary:read'], areas });
  const res = await fetch(stack.subgraphUrls[subgraph], {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables: { r: [{ __typename: 'Beneficiary', citizenId: TINY.guardianChild }] } }),
  });
  return ((await res.json()) as any).data._entities[0];
}

describe('registry fields reached by reference', () => {
  it('are absent outside the caller\'s areas, present inside', async () => {
    expect(await entity('labor', ['01'], ENTITY)).toEqual({ registryRecord: null, representatives: [] });
    expect(await entity('labor', ['38'], ENTITY)).toEqual({
      registryRecord: { fullName: expect.any(String) },
      representatives: [{ citizenId: TINY.guardian }],
    });
  });
});
