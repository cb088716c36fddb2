import { describe, expect, it } from 'vitest';
import type { PayerEvent } from '../../adapters/payer/index.js';
import type { PaymentList, PaymentListItem } from '../../adapters/shared/types.js';
import type { TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import {
  type Channel,
  judge,
  LEGAL_MOVES,
  paymentTimeline,
  type PaymentState,
  type Signal,
  SIGNALS,
  STATES,
  type Violation,
} from './payment-state.js';

// Every (state, report) pair of both channels. Columns follow SIGNALS:
// CANCELLED, TRANSFERRED, RECEIVED, CREDITED, REJECTED, RETURNED, CASH_PAID, UNCOLLECTED.
type Cell = 'ok' | 'back' | 'skip' | 'again' | 'no';
const CELL: Readonly<Record<Exclude<Cell, 'ok'>, Violation>> = { back: 'BACKWARDS', skip: 'SKIPS_STATE', again: 'REPEATED', no: 'NOT_A_TRANSITION' };

const TABLE: Readonly<Record<Channel, Readonly<Record<PaymentState, readonly Cell[]>>>> = {
  ACCOUNT: {
    SCHEDULED: ['ok', 'ok', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip'],
    FUNDED: ['ok', 'again', 'ok', 'skip', 'skip', 'skip', 'skip', 'skip'],
    SENT: ['no', 'back', 'again', 'ok', 'ok', 'ok', 'no', 'no'],
    PAID: ['no', 'back', 'back', 'again', 'no', 'ok', 'no', 'no'],
    PAID_IN_CASH: ['no', 'back', 'back', 'no', 'no', 'no', 'again', 'no'],
    FAILED: ['no', 'back', 'back', 'no', 'again', 'no', 'no', 'no'],
    RETURNED: ['no', 'back', 'back', 'no', 'no', 'again', 'no', 'again'],
    CANCELLED: ['again', 'back', 'back', 'no', 'no', 'no', 'no', 'no'],
  },
  CASH: {
    SCHEDULED: ['ok', 'ok', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip'],
    FUNDED: ['ok', 'again', 'ok', 'skip', 'skip', 'skip', 'skip', 'skip'],
    SENT: ['no', 'back', 'again', 'no', 'ok', 'ok', 'ok', 'ok'],
    PAID: ['no', 'back', 'back', 'again', 'no', 'no', 'no', 'no'],
    PAID_IN_CASH: ['no', 'back', 'back', 'no', 'no', 'no', 'again', 'no'],
    FAILED: ['no', 'back', 'back', 'no', 'again', 'no', 'no', 'no'],
    RETURNED: ['no', 'back', 'back', 'no', 'no', 'again', 'no', 'again'],
    CANCELLED: ['again', 'back', 'back', 'no', 'no', 'no', 'no', 'no'],
  },
};

const TARGET: Readonly<Record<Signal, PaymentState>> = {
  CANCELLED: 'CANCELLED',
  TRANSFERRED: 'FUNDED',
  RECEIVED: 'SENT',
  CREDITED: 'PAID',
  REJECTED: 'FAILED',
  RETURNED: 'RETURNED',
  CASH_PAID: 'PAID_IN_CASH',
  UNCOLLECTED: 'RETURNED',
};

const cases = (['ACCOUNT', 'CASH'] as const).flatMap((channel) =>
  STATES.flatMap((from) => SIGNALS.map((signal, i) => ({ channel, from, signal, cell: TABLE[channel][from][i]! }))),
);

describe('payment state machine: every transition', () => {
  it('covers every state, report and channel', () => {
    expect(cases).toHaveLength(2 * 8 * 8);
    expect(cases.filter((c) => c.cell === 'ok').map((c) => [c.channel, c.from, c.signal])).toEqual([
      ...LEGAL_MOVES.ACCOUNT.map(([from, s]) => ['ACCOUNT', from, s]).sort(bySignalOrder),
      ...LEGAL_MOVES.CASH.map(([from, s]) => ['CASH', from, s]).sort(bySignalOrder),
    ]);
  });

  it.each(cases)('$channel: $from + $signal → $cell', ({ channel, from, signal, cell }) => {
    const to = TARGET[signal];
    expect(judge(from, signal, channel)).toEqual(cell === 'ok' ? { legal: true, to } : { legal: false, to, violation: CELL[cell] });
  });
});

function bySignalOrder(a: (string | undefined)[], b: (string | undefined)[]): number {
  const key = (r: (string | undefined)[]) => STATES.indexOf(r[1] as PaymentState) * 10 + SIGNALS.indexOf(r[2] as Signal);
  return key(a) - key(b);
}

// --- Timelines from agency records -----------------------------------------------------------------------------

const list: PaymentList = {
  id: 'LIST-1',
  period: '2026-10',
  program: 'SOCIAL_ASSISTANCE',
  communeCode: '16216',
  provinceCode: '38',
  payerCode: '970415',
  submittedAt: '2026-10-02T09:00:00+07:00',
  items: [],
};
const bankItem: PaymentListItem = {
  paymentId: 'P-1',
  citizenId: '038050000101',
  amount: 500_000,
  method: 'BANK_ACCOUNT',
  providerCode: '970415',
  accountNumber: '0011001932418',
  recipientRole: 'SELF',
  recipientCitizenId: '038050000101',
  cancelledAt: null,
  cancelReason: null,
};
const cashItem: PaymentListItem = { ...bankItem, method: 'POST_OFFICE_CASH', providerCode: 'VNPOST', accountNumber: null };
const transferred: TreasuryOrderRecord = {
  reference: 'KBNN-1',
  listId: 'LIST-1',
  amount: 500_000,
  status: 'TRANSFERRED',
  createdAt: '2026-10-03T14:00:00+07:00',
  transferredAt: '2026-10-05T10:00:00+07:00',
  rejectReason: null,
};
const bank = (type: PayerEvent['type'], at: string, reference: string | null = null, reason: string | null = null): PayerEvent => ({
  paymentId: 'P-1',
  providerCode: '970415',
  type,
  at,
  reference,
  reason,
});
const post = (type: PayerEvent['type'], at: string, reference: string | null = null, reason: string | null = null): PayerEvent => ({
  ...bank(type, at, reference, reason),
  providerCode: 'VNPOST',
});
const listed = { status: 'SCHEDULED', at: '2026-10-02T09:00:00+07:00', source: 'LABOR_REGISTRY', reference: 'LIST-1', note: null, applied: true };
const funded = { status: 'FUNDED', at: '2026-10-05T10:00:00+07:00', source: 'TREASURY', reference: 'KBNN-1', note: null, applied: true };

describe('payment timelines', () => {
  it('follows a bank payment to PAID', () => {
    const t = paymentTimeline({
      list,
      item: bankItem,
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [bank('RECEIVED', '2026-10-05T15:00:00+07:00'), bank('CREDITED', '2026-10-05T15:40:00+07:00', '5000000000001')],
    });
    expect(t).toEqual({
      status: 'PAID',
      statusReason: null,
      paidAt: '2026-10-05T15:40:00+07:00',
      events: [
        listed,
        funded,
        { status: 'SENT', at: '2026-10-05T15:00:00+07:00', source: 'BANK', reference: null, note: null, applied: true },
        { status: 'PAID', at: '2026-10-05T15:40:00+07:00', source: 'BANK', reference: '5000000000001', note: null, applied: true },
      ],
    });
  });

  it('merges sources in time order whatever order they arrive in, and normalises instants to +07:00', () => {
    const t = paymentTimeline({
      list,
      item: bankItem,
      listedBy: 'LABOR_REGISTRY',
      order: { ...transferred, transferredAt: '2026-10-05T03:00:00Z' },
      payerEvents: [bank('CREDITED', '2026-10-05T15:40:00+07:00', 'R2'), bank('RECEIVED', '2026-10-05T15:00:00+07:00')],
    });
    expect(t.events.map((e) => [e.status, e.at, e.applied])).toEqual([
      ['SCHEDULED', '2026-10-02T09:00:00+07:00', true],
      ['FUNDED', '2026-10-05T10:00:00+07:00', true],
      ['SENT', '2026-10-05T15:00:00+07:00', true],
      ['PAID', '2026-10-05T15:40:00+07:00', true],
    ]);
    expect(t.status).toBe('PAID');
  });

  it('keeps a credit that came back (account closed after the credit) as RETURNED with the reason', () => {
    const t = paymentTimeline({
      list,
      item: bankItem,
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [
        bank('RECEIVED', '2026-10-05T15:00:00+07:00'),
        bank('CREDITED', '2026-10-05T15:40:00+07:00', 'R1'),
        bank('RETURNED', '2026-10-09T11:00:00+07:00', 'R2', 'Tài khoản đã đóng'),
      ],
    });
    expect([t.status, t.statusReason, t.paidAt]).toEqual(['RETURNED', 'Tài khoản đã đóng', null]);
  });

  it('flags, and does not apply, a payer report on a list the treasury has not funded', () => {
    const t = paymentTimeline({
      list,
      item: bankItem,
      listedBy: 'LABOR_REGISTRY',
      order: { ...transferred, status: 'PENDING', transferredAt: null },
      payerEvents: [bank('RECEIVED', '2026-10-05T15:00:00+07:00'), bank('CREDITED', '2026-10-05T15:40:00+07:00', 'R1')],
    });
    expect(t).toEqual({
      status: 'SCHEDULED',
      statusReason: null,
      paidAt: null,
      events: [
        listed,
        { status: 'SENT', at: '2026-10-05T15:00:00+07:00', source: 'BANK', reference: null, note: 'not applied: would skip a state (SCHEDULED to SENT)', applied: false },
        { status: 'PAID', at: '2026-10-05T15:40:00+07:00', source: 'BANK', reference: 'R1', note: 'not applied: would skip a state (SCHEDULED to PAID)', applied: false },
      ],
    });
  });

  it('cancels a line removed before the transfer, which the transfer then does not cover', () => {
    const t = paymentTimeline({
      list,
      item: { ...bankItem, cancelledAt: '2026-10-03T09:30:00+07:00', cancelReason: 'Đối tượng đã chết' },
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [],
    });
    expect(t).toEqual({
      status: 'CANCELLED',
      statusReason: 'Đối tượng đã chết',
      paidAt: null,
      events: [
        listed,
        { status: 'CANCELLED', at: '2026-10-03T09:30:00+07:00', source: 'LABOR_REGISTRY', reference: 'LIST-1', note: 'Đối tượng đã chết', applied: true },
      ],
    });
  });

  it('cancels a funded line, and flags a payer report that arrives afterwards as backwards', () => {
    const t = paymentTimeline({
      list,
      item: { ...bankItem, cancelledAt: '2026-10-05T11:00:00+07:00', cancelReason: 'Giảm' },
      listedBy: 'SOCIAL_INSURANCE',
      order: transferred,
      payerEvents: [bank('RECEIVED', '2026-10-05T15:00:00+07:00')],
    });
    expect(t.events.map((e) => [e.status, e.source, e.applied, e.note])).toEqual([
      ['SCHEDULED', 'SOCIAL_INSURANCE', true, null],
      ['FUNDED', 'TREASURY', true, null],
      ['CANCELLED', 'SOCIAL_INSURANCE', true, 'Giảm'],
      ['SENT', 'BANK', false, 'not applied: would move the payment backwards (CANCELLED to SENT)'],
    ]);
    expect(t.status).toBe('CANCELLED');
  });

  it('pays cash at the post office', () => {
    const t = paymentTimeline({
      list: { ...list, payerCode: 'VNPOST' },
      item: cashItem,
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [post('RECEIVED', '2026-10-05T15:00:00+07:00'), post('CASH_PAID', '2026-10-12T09:30:00+07:00', '8000000000001')],
    });
    expect([t.status, t.paidAt, t.events.at(-1)?.source]).toEqual(['PAID_IN_CASH', '2026-10-12T09:30:00+07:00', 'POST']);
  });

  it('returns uncollected cash at the end of the month, with the Post’s reason', () => {
    const t = paymentTimeline({
      list: { ...list, payerCode: 'VNPOST' },
      item: { ...cashItem, method: 'HOME_DELIVERY' },
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [post('RECEIVED', '2026-10-05T15:00:00+07:00'), post('UNCOLLECTED', '2026-10-31T17:00:00+07:00', null, 'Không đến nhận')],
    });
    expect([t.status, t.statusReason, t.paidAt]).toEqual(['RETURNED', 'Không đến nhận', null]);
  });

  it('flags a bank credit reported on a cash payment', () => {
    const t = paymentTimeline({
      list,
      item: cashItem,
      listedBy: 'LABOR_REGISTRY',
      order: transferred,
      payerEvents: [post('RECEIVED', '2026-10-05T15:00:00+07:00'), bank('CREDITED', '2026-10-05T16:00:00+07:00', 'R9', 'odd')],
    });
    expect(t.status).toBe('SENT');
    expect(t.events.at(-1)).toEqual({
      status: 'PAID',
      at: '2026-10-05T16:00:00+07:00',
      source: 'BANK',
      reference: 'R9',
      note: 'not applied: SENT to PAID is not a transition of cash payments; odd',
      applied: false,
    });
  });

  it('orders reports at the same instant list, then treasury, then payer', () => {
    const same = '2026-10-05T10:00:00+07:00';
    const t = paymentTimeline({
      list,
      item: bankItem,
      listedBy: 'LABOR_REGISTRY',
      order: { ...transferred, transferredAt: same },
      payerEvents: [bank('RECEIVED', same)],
    });
    expect(t.events.map((e) => [e.status, e.applied])).toEqual([
      ['SCHEDULED', true],
      ['FUNDED', true],
      ['SENT', true],
    ]);
  });
});
