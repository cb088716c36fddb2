import { describe, expect, it } from 'vitest';
import { reportDueDate, summarize, type SummaryRow } from './summary.js';

const row = (citizenId: string, method: SummaryRow['method'], amount: number, status: SummaryRow['status']): SummaryRow => ({
  citizenId,
  method,
  amount,
  status,
});

describe('monthly report arithmetic', () => {
  it('counts, sums and rates over every payment', () => {
    const rows = [
      row('038000000001', 'BANK_ACCOUNT', 500_000, 'PAID'),
      row('038000000002', 'E_WALLET', 540_000, 'PAID'),
      row('038000000003', 'BANK_ACCOUNT', 810_000, 'FAILED'),
      row('038000000004', 'POST_OFFICE_CASH', 1_080_000, 'PAID_IN_CASH'),
      row('038000000005', 'HOME_DELIVERY', 540_000, 'RETURNED'),
      row('038000000006', 'POST_OFFICE_CASH', 540_000, 'CANCELLED'),
      row('038000000007', 'BANK_ACCOUNT', 700_000, 'RETURNED'),
      row('038000000004', 'POST_OFFICE_CASH', 2_789_000, 'SENT'),
    ];
    expect(summarize(rows)).toEqual({
      beneficiaryCount: 7,
      beneficiaryCitizenIds: ['038000000001', '038000000002', '038000000003', '038000000004', '038000000005', '038000000006', '038000000007'],
      paymentCount: 8,
      paidCount: 3,
      paidCashlessCount: 2,
      cashlessRate: 2 / 3,
      failedCount: 1,
      returnedCount: 2,
      totalAmount: 7_499_000,
      paidAmount: 2_120_000,
      byMethod: [
        { method: 'BANK_ACCOUNT', count: 3, amount: 2_010_000 },
        { method: 'E_WALLET', count: 1, amount: 540_000 },
        { method: 'POST_OFFICE_CASH', count: 3, amount: 4_409_000 },
        { method: 'HOME_DELIVERY', count: 1, amount: 540_000 },
      ],
    });
  });

  it('reproduces the seed plan’s district: 295 of 13,406 by account is 2.20%', () => {
    const rows = Array.from({ length: 13_406 }, (_, i) =>
      row(String(38_000_000_000 + i).padStart(12, '0'), i < 295 ? 'BANK_ACCOUNT' : 'POST_OFFICE_CASH', 500_000, i < 295 ? 'PAID' : 'PAID_IN_CASH'),
    );
    const s = summarize(rows);
    expect([s.beneficiaryCount, s.paidCashlessCount, s.paidCount]).toEqual([13_406, 295, 13_406]);
    expect(s.cashlessRate).toBe(295 / 13_406);
    expect(s.cashlessRate.toFixed(4)).toBe('0.0220');
  });

  it('counts a person paid twice in the month once', () => {
    const s = summarize([
      row('038000000001', 'POST_OFFICE_CASH', 500_000, 'PAID_IN_CASH'),
      row('038000000001', 'BANK_ACCOUNT', 3_012_000, 'PAID'),
      row('038000000002', 'E_WALLET', 500_000, 'PAID'),
    ]);
    expect([s.beneficiaryCount, s.beneficiaryCitizenIds, s.paymentCount]).toEqual([2, ['038000000001', '038000000002'], 3]);
  });

  it('answers zeros, not NaN, for a month without payments', () => {
    expect(summarize([])).toEqual({
      beneficiaryCount: 0,
      beneficiaryCitizenIds: [],
      paymentCount: 0,
      paidCount: 0,
      paidCashlessCount: 0,
      cashlessRate: 0,
      failedCount: 0,
      returnedCount: 0,
      totalAmount: 0,
      paidAmount: 0,
      byMethod: [],
    });
  });
});

describe('report due date', () => {
  it.each([
    ['2026-10', 10, '2026-10-10'],
    ['2026-10', 5, '2026-10-05'],
    ['2026-02', 31, '2026-02-28'],
    ['2028-02', 30, '2028-02-29'],
    ['2026-12', 1, '2026-12-01'],
  ])('%s, day %i → %s', (period, day, expected) => {
    expect(reportDueDate(period, day)).toBe(expected);
  });
});
