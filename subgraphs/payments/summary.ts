import type { PaymentMethod } from '../../adapters/shared/types.js';
import type { PaymentState } from './payment-state.js';

/** One payment as the monthly report counts it. */
export interface SummaryRow {
  readonly citizenId: string;
  readonly method: PaymentMethod;
  readonly amount: number;
  readonly status: PaymentState;
}

export interface MethodFigures {
  readonly method: PaymentMethod;
  readonly count: number;
  readonly amount: number;
}

/** The figures of `DisbursementSummary`, period, area and due date aside. */
export interface SummaryFigures {
  readonly beneficiaryCount: number;
  /** The people counted (the gateway composes account coverage from them and the accounts store). */
  readonly beneficiaryCitizenIds: readonly string[];
  readonly paymentCount: number;
  readonly paidCount: number;
  readonly paidCashlessCount: number;
  readonly cashlessRate: number;
  readonly failedCount: number;
  readonly returnedCount: number;
  readonly totalAmount: number;
  readonly paidAmount: number;
  readonly byMethod: readonly MethodFigures[];
}

const METHODS: readonly PaymentMethod[] = ['BANK_ACCOUNT', 'E_WALLET', 'POST_OFFICE_CASH', 'HOME_DELIVERY'];
const isCashless = (m: PaymentMethod): boolean => m === 'BANK_ACCOUNT' || m === 'E_WALLET';
const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/**
 * The monthly report over the payments of one area and month. Every payment counts, cancelled ones included,
 * so `paymentCount` and `totalAmount` equal what `payments` lists. Account coverage needs the accounts store and
 * is composed at the gateway from `beneficiaryCitizenIds`.
 */
export function summarize(rows: readonly SummaryRow[]): SummaryFigures {
  const people = new Set<string>();
  const byMethod = new Map<PaymentMethod, { count: number; amount: number }>();
  let paidCount = 0;
  let paidCashlessCount = 0;
  let failedCount = 0;
  let returnedCount = 0;
  let totalAmount = 0;
  let paidAmount = 0;
  for (const r of rows) {
    people.add(r.citizenId);
    const m = byMethod.get(r.method) ?? { count: 0, amount: 0 };
    m.count++;
    m.amount += r.amount;
    byMethod.set(r.method, m);
    totalAmount += r.amount;
    if (r.status === 'PAID' || r.status === 'PAID_IN_CASH') {
      paidCount++;
      paidAmount += r.amount;
      if (r.status === 'PAID' && isCashless(r.method)) paidCashlessCount++;
    } else if (r.status === 'FAILED') failedCount++;
    else if (r.status === 'RETURNED') returnedCount++;
  }
  return {
    beneficiaryCount: people.size,
    beneficiaryCitizenIds: [...people].sort(),
    paymentCount: rows.length,
    paidCount,
    paidCashlessCount,
    cashlessRate: ratio(paidCashlessCount, paidCount),
    failedCount,
    returnedCount,
    totalAmount,
    paidAmount,
    byMethod: METHODS.flatMap((method) => {
      const m = byMethod.get(method);
      return m ? [{ method, count: m.count, amount: m.amount }] : [];
    }),
  };
}

/** The report's due date: `day` of the period's month, or its last day when the month is shorter. */
export function reportDueDate(period: string, day: number): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const d = Math.min(Math.max(1, Math.floor(day)), last);
  return `${period}-${String(d).padStart(2, '0')}`;
}
