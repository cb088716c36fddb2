import { afterAll, beforeAll, it } from 'vitest';
import { generateDataset } from '../../mocks/fixtures/generator.js';
import { testClock } from '../../mocks/testing/mock-control.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
const data = generateDataset({ scale: 600, referenceDate: '2026-11-15' });
let stack: InProcessStack;
beforeAll(async () => { stack = await startInProcessStack({ dataset: data, clock: testClock }); });
afterAll(async () => stack?.stop());
it('x', async () => {
  const all = await stack.token({ scope: 'beneficiary:read citizen:read accounts:read payments:read', areas: ['38'] });
  const s = data.scenarios.scenarios;
  for (const n of Object.keys(s) as (keyof typeof s)[]) {
    if (n === 'OTHER_PROVINCE') continue;
    const { body } = await stack.query(all, `query X($id: CitizenId!) { beneficiary(citizenId: $id) { paymentMethod paymentAccount { method status recipientRole accountHolderName } payments(last: 4) { period status method } alerts { code source } } }`, { id: s[n].citizenId });
    console.log(n, JSON.stringify(body));
  }
});
