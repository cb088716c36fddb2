import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../mocks/testing/index.js';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';

/*
 * The hand-written tiny data set holds what generated data does not: a list the treasury never funded, a PENDING
 * and a REJECTED funding order with payer reports all the same, and a cancelled line. Reports that would skip a
 * state are kept and flagged through the whole stack, and the status does not move.
 */

let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET, clock: testClock });
});
afterAll(async () => stack?.stop());

async function paymentsOf(citizenId: string, period: string) {
  const token = await stack.token({ scope: 'beneficiary:read payments:read', areas: ['38', '01'] });
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      operationName: 'Op',
      query: `query Op($id: CitizenId!, $period: Period) { beneficiary(citizenId: $id) { payments(period: $period) {
        status statusReason paidAt events { status at source reference note applied }
        batch { status treasuryOrder { reference status transferredAt } }
      } } }`,
      variables: { id: citizenId, period },
    }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data.beneficiary.payments as any[];
}

describe('reports that would skip a state', () => {
  it('are kept with applied false when the treasury never funded the list', async () => {
    expect(await paymentsOf(TINY.selfBank, '2026-09')).toEqual([
      {
        status: 'SCHEDULED',
        statusReason: null,
        paidAt: null,
        events: [
          { status: 'SCHEDULED', at: '2026-09-01T09:00:00+07:00', source: 'LABOR_REGISTRY', reference: 'LB-2026-09-16216-SA-970415', note: null, applied: true },
          { status: 'SENT', at: '2026-09-05T08:00:00+07:00', source: 'BANK', reference: 'FT26248001', note: 'not applied: would skip a state (SCHEDULED to SENT)', applied: false },
          { status: 'PAID', at: '2026-09-05T08:05:00+07:00', source: 'BANK', reference: 'FT26248001', note: 'not applied: would skip a state (SCHEDULED to PAID)', applied: false },
        ],
        batch: { status: 'SUBMITTED', treasuryOrder: null },
      },
    ]);
  });

  it('leave a line of a PENDING order scheduled, and a REJECTED order’s batch SUBMITTED', async () => {
    const [cash] = await paymentsOf(TINY.notInPopulation, '2026-10');
    expect([cash.status, cash.events.map((e: any) => [e.status, e.applied]), cash.batch]).toEqual([
      'SCHEDULED',
      [
        ['SCHEDULED', true],
        ['SENT', false],
        ['PAID_IN_CASH', false],
      ],
      { status: 'SUBMITTED', treasuryOrder: { reference: 'KB-2026-10-0002', status: 'PENDING', transferredAt: null } },
    ]);
    const [rejected] = await paymentsOf(TINY.otherProvince, '2026-10');
    expect([rejected.status, rejected.batch.status, rejected.batch.treasuryOrder.status]).toEqual(['SCHEDULED', 'SUBMITTED', 'REJECTED']);
  });

  it('cancel a line a decrease list removed', async () => {
    const [cancelled] = await paymentsOf(TINY.deceased, '2026-10');
    expect([cancelled.status, cancelled.statusReason, cancelled.events.map((e: any) => [e.status, e.source, e.applied])]).toEqual([
      'CANCELLED',
      'DECEASED',
      [
        ['SCHEDULED', 'LABOR_REGISTRY', true],
        ['CANCELLED', 'LABOR_REGISTRY', true],
      ],
    ]);
  });

  it('keep a bank’s return on a list with no funding order flagged too, reason in the note', async () => {
    const [line] = await paymentsOf(TINY.closedAccount, '2026-10');
    expect([line.status, line.statusReason, line.events.slice(1).map((e: any) => [e.status, e.note, e.applied])]).toEqual([
      'SCHEDULED',
      null,
      [
        ['SENT', 'not applied: would skip a state (SCHEDULED to SENT)', false],
        ['RETURNED', 'not applied: would skip a state (SCHEDULED to RETURNED); ACCOUNT_CLOSED', false],
      ],
    ]);
  });
});
