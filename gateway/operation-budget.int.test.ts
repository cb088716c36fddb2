import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY, TINY_DATASET } from '../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../test/support/in-process-stack.js';

// scopes.md "time to answer": the whole operation has a budget; a source still unanswered when it runs out
// degrades to SOURCE_UNAVAILABLE at its field instead of holding the answer.
let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcessStack({
    dataset: TINY_DATASET,
    // Agencies may take 10 s and a subgraph 6 s, but the operation only 600 ms.
    agency: { timeoutMs: 10_000, retries: 0 },
    gatewayEnv: { OPERATION_TIMEOUT_MS: '600', SUBGRAPH_TIMEOUT_MS: '6000' },
  });
});
afterAll(async () => stack?.stop());

describe('operation budget', () => {
  it('answers within the budget, with the late source null and SOURCE_UNAVAILABLE at its path', async () => {
    stack.mocks.mocks.POPULATION.setFault({ mode: 'slow', latencyMs: 5000 });
    try {
      const token = await stack.token({ scope: 'beneficiary:read citizen:read', areas: ['38'] });
      const started = Date.now();
      const { body } = await stack.query(token, `query Op($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId citizen { vitalStatus } } }`, { id: TINY.selfBank });
      const elapsed = Date.now() - started;
      expect(body.data).toEqual({ beneficiary: { citizenId: TINY.selfBank, citizen: null } });
      expect(body.errors.map((e: any) => [e.path, e.extensions.code, e.extensions.source])).toEqual([[['beneficiary', 'citizen'], 'SOURCE_UNAVAILABLE', 'POPULATION']]);
      // Far below the 5 s the population database would have taken (margin for a busy machine).
      expect(elapsed).toBeLessThan(3000);
    } finally {
      stack.mocks.mocks.POPULATION.setFault(null);
    }
  });
});
