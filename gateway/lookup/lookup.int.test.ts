import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';

let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET });
});
afterAll(async () => stack?.stop());

describe('beneficiary lookup through the stitched gateway', () => {
  it('merges the registry record and the population database in one answer', async () => {
    const token = await stack.token({ scope: 'beneficiary:read citizen:read', areas: ['38'] });
    const { status, body } = await stack.query(
      token,
      `query ($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId fullName area { code name level province { code name } } citizen { fullName vitalStatus } entitlements { program source } representatives { role } alerts { code source } } }`,
      { id: TINY.selfBank },
    );
    console.log(JSON.stringify(body, null, 1));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
