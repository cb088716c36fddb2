import type { PayerEvent } from '../../adapters/payer/index.js';
import { POST_PROVIDER_CODE } from '../../adapters/payer/index.js';
import type { PaymentList, PaymentListItem, PaymentMethod } from '../../adapters/shared/types.js';
import type { TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import { vietnamDateTime } from '../../schema/index.js';

/*
 * The one payment state machine (issue 7). Every source only reports what it saw: the root agency lists the line
 * (and may cancel it with a decrease list), the treasury transfers the list's money to the payer, the payer reports
 * what happened to each line. The status is what these reports, merged in time order, lead to. A report that
 * would move a payment backwards or skip a state is kept in `events` with `applied: false` and a note, and the
 * status does not move: a late treasury file must not be papered over by a bank's "credited".
 */

export type PaymentState = 'SCHEDULED' | 'FUNDED' | 'SENT' | 'PAID' | 'PAID_IN_CASH' | 'FAILED' | 'RETURNED' | 'CANCELLED';

/** Accounts (bank, e-wallet) and cash (post office, home delivery) end differently. */
export type Channel = 'ACCOUNT' | 'CASH';

/** What a source can report about a listed payment. */
export type Signal = 'CANCELLED' | 'TRANSFERRED' | 'RECEIVED' | 'CREDITED' | 'REJECTED' | 'RETURNED' | 'CASH_PAID' | 'UNCOLLECTED';

export const SIGNALS: readonly Signal[] = ['CANCELLED', 'TRANSFERRED', 'RECEIVED', 'CREDITED', 'REJECTED', 'RETURNED', 'CASH_PAID', 'UNCOLLECTED'];
export const STATES: readonly PaymentState[] = ['SCHEDULED', 'FUNDED', 'SENT', 'PAID', 'PAID_IN_CASH', 'FAILED', 'RETURNED', 'CANCELLED'];

/** The state each report leads to. Uncollected cash goes back to the payer's account, hence RETURNED. */
export const SIGNAL_TARGET: Readonly<Record<Signal, PaymentState>> = {
  CANCELLED: 'CANCELLED',
  TRANSFERRED: 'FUNDED',
  RECEIVED: 'SENT',
  CREDITED: 'PAID',
  REJECTED: 'FAILED',
  RETURNED: 'RETURNED',
  CASH_PAID: 'PAID_IN_CASH',
  UNCOLLECTED: 'RETURNED',
};

/**
 * Every legal move, per channel, as (from, report). A decrease list may still cancel a funded line (the money has
 * not left the payer's deposit account); a credited account payment may come back when the account was closed.
 */
export const LEGAL_MOVES: Readonly<Record<Channel, readonly (readonly [PaymentState, Signal])[]>> = {
  ACCOUNT: [
    ['SCHEDULED', 'TRANSFERRED'],
    ['SCHEDULED', 'CANCELLED'],
    ['FUNDED', 'CANCELLED'],
    ['FUNDED', 'RECEIVED'],
    ['SENT', 'CREDITED'],
    ['SENT', 'REJECTED'],
    ['SENT', 'RETURNED'],
    ['PAID', 'RETURNED'],
  ],
  CASH: [
    ['SCHEDULED', 'TRANSFERRED'],
    ['SCHEDULED', 'CANCELLED'],
    ['FUNDED', 'CANCELLED'],
    ['FUNDED', 'RECEIVED'],
    ['SENT', 'CASH_PAID'],
    ['SENT', 'UNCOLLECTED'],
    ['SENT', 'RETURNED'],
    ['SENT', 'REJECTED'],
  ],
};

const LEGAL: Readonly<Record<Channel, ReadonlySet<string>>> = {
  ACCOUNT: new Set(LEGAL_MOVES.ACCOUNT.map(([from, s]) => `${from}|${s}`)),
  CASH: new Set(LEGAL_MOVES.CASH.map(([from, s]) => `${from}|${s}`)),
};

// Progress along the one path every payment takes; the four outcomes and CANCELLED are all the end of it.
const RANK: Readonly<Record<PaymentState, number>> = {
  SCHEDULED: 0,
  FUNDED: 1,
  SENT: 2,
  PAID: 3,
  PAID_IN_CASH: 3,
  FAILED: 3,
  RETURNED: 3,
  CANCELLED: 3,
};

/** Why a report was not applied. */
export type Violation = 'BACKWARDS' | 'SKIPS_STATE' | 'REPEATED' | 'NOT_A_TRANSITION';

export type Verdict = { readonly legal: true; readonly to: PaymentState } | { readonly legal: false; readonly to: PaymentState; readonly violation: Violation };

/** Whether a report moves a payment in `from` on this channel, and where to. */
export function judge(from: PaymentState, signal: Signal, channel: Channel): Verdict {
  const to = SIGNAL_TARGET[signal];
  if (LEGAL[channel].has(`${from}|${signal}`)) return { legal: true, to };
  if (to === from) return { legal: false, to, violation: 'REPEATED' };
  if (RANK[to] < RANK[from]) return { legal: false, to, violation: 'BACKWARDS' };
  if (RANK[to] > RANK[from] + 1) return { legal: false, to, violation: 'SKIPS_STATE' };
  return { legal: false, to, violation: 'NOT_A_TRANSITION' };
}

/** The channel of a payment method. */
export const channelOf = (method: PaymentMethod): Channel => (method === 'BANK_ACCOUNT' || method === 'E_WALLET' ? 'ACCOUNT' : 'CASH');

/** The agencies that report on payments. */
export type EventSource = 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE' | 'TREASURY' | 'BANK' | 'POST';

/** One report, as a source gave it. */
export interface SourceReport {
  readonly signal: Signal;
  /** ISO instant with offset. */
  readonly at: string;
  readonly source: EventSource;
  readonly reference: string | null;
  /** The source's own reason (a rejection, a return, a cancellation). */
  readonly reason: string | null;
}

/** One entry of `Payment.events`. */
export interface PaymentEventView {
  readonly status: PaymentState;
  readonly at: string;
  readonly source: EventSource;
  readonly reference: string | null;
  readonly note: string | null;
  readonly applied: boolean;
}

/** Where a payment stands and how it got there. */
export interface PaymentTimeline {
  readonly status: PaymentState;
  /** The source's reason for a FAILED, RETURNED or CANCELLED payment. */
  readonly statusReason: string | null;
  /** When a PAID or PAID_IN_CASH payment was paid. */
  readonly paidAt: string | null;
  readonly events: readonly PaymentEventView[];
}

const CHANNEL_WORD: Readonly<Record<Channel, string>> = { ACCOUNT: 'account', CASH: 'cash' };

/** The note of a report that was kept but not applied. */
export function violationNote(violation: Violation, from: PaymentState, to: PaymentState, channel: Channel): string {
  switch (violation) {
    case 'BACKWARDS':
      return `not applied: would move the payment backwards (${from} to ${to})`;
    case 'SKIPS_STATE':
      return `not applied: would skip a state (${from} to ${to})`;
    case 'REPEATED':
      return `not applied: repeats ${to}`;
    case 'NOT_A_TRANSITION':
      return `not applied: ${from} to ${to} is not a transition of ${CHANNEL_WORD[channel]} payments`;
    default: {
      const unreachable: never = violation;
      return unreachable;
    }
  }
}

const instant = (at: string): number => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

// At the same instant, the list's own reports come before the treasury's, and the treasury's before the payer's.
const STAGE: Readonly<Record<EventSource, number>> = { LABOR_REGISTRY: 0, SOCIAL_INSURANCE: 0, TREASURY: 1, BANK: 2, POST: 2 };

const normalised = (at: string): string => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : vietnamDateTime(new Date(t));
};

/**
 * Folds the reports on one listed payment, in time order, into its status and events. The listing itself comes
 * first whatever its timestamp: nothing can happen to a line before it exists.
 */
export function foldReports(channel: Channel, listed: { readonly at: string; readonly source: EventSource; readonly reference: string | null }, reports: readonly SourceReport[]): PaymentTimeline {
  const ordered = reports
    .map((r, i) => ({ r, i, t: instant(r.at) }))
    .sort((a, b) => a.t - b.t || STAGE[a.r.source] - STAGE[b.r.source] || a.i - b.i)
    .map(({ r }) => r);
  let state: PaymentState = 'SCHEDULED';
  let reason: string | null = null;
  let paidAt: string | null = null;
  const events: PaymentEventView[] = [
    { status: 'SCHEDULED', at: normalised(listed.at), source: listed.source, reference: listed.reference, note: null, applied: true },
  ];
  for (const r of ordered) {
    const verdict = judge(state, r.signal, channel);
    const at = normalised(r.at);
    if (verdict.legal) {
      state = verdict.to;
      reason = r.reason;
      paidAt = state === 'PAID' || state === 'PAID_IN_CASH' ? at : null;
      events.push({ status: verdict.to, at, source: r.source, reference: r.reference, note: r.reason, applied: true });
    } else {
      const note = violationNote(verdict.violation, state, verdict.to, channel);
      events.push({ status: verdict.to, at, source: r.source, reference: r.reference, note: r.reason ? `${note}; ${r.reason}` : note, applied: false });
    }
  }
  const withReason = state === 'FAILED' || state === 'RETURNED' || state === 'CANCELLED';
  return { status: state, statusReason: withReason ? reason : null, paidAt, events };
}

/** The source of a payer's report: the Post, or a bank or e-wallet behind the bank gateway. */
export const payerSource = (providerCode: string): EventSource => (providerCode === POST_PROVIDER_CODE ? 'POST' : 'BANK');

/** Everything known about one listed payment, from every source. */
export interface PaymentFacts {
  readonly list: PaymentList;
  readonly item: PaymentListItem;
  /** The root agency that listed it. */
  readonly listedBy: 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE';
  /** The treasury's funding order for the list, or null when it has none yet. */
  readonly order: TreasuryOrderRecord | null;
  /** What the payers reported on this payment. */
  readonly payerEvents: readonly PayerEvent[];
}

/**
 * The timeline of one payment from the agencies' records. The treasury funds a list net of the lines a decrease
 * list removed before the transfer, so its transfer is a report on every line but those.
 */
export function paymentTimeline(facts: PaymentFacts): PaymentTimeline {
  const { list, item, order } = facts;
  const reports: SourceReport[] = [];
  if (item.cancelledAt !== null) {
    reports.push({ signal: 'CANCELLED', at: item.cancelledAt, source: facts.listedBy, reference: list.id, reason: item.cancelReason });
  }
  if (order !== null && order.status === 'TRANSFERRED' && order.transferredAt !== null) {
    const removedBefore = item.cancelledAt !== null && instant(item.cancelledAt) <= instant(order.transferredAt);
    if (!removedBefore) reports.push({ signal: 'TRANSFERRED', at: order.transferredAt, source: 'TREASURY', reference: order.reference, reason: null });
  }
  for (const e of facts.payerEvents) {
    reports.push({ signal: e.type, at: e.at, source: payerSource(e.providerCode), reference: e.reference, reason: e.reason });
  }
  return foldReports(channelOf(item.method), { at: list.submittedAt, source: facts.listedBy, reference: list.id }, reports);
}

/** True for the states a payment ends in (no report is expected after them, a bank's return aside). */
export const isFinal = (s: PaymentState): boolean => RANK[s] === 3;
