import { describe, expect, it } from 'vitest';
import type { AlertInput, DataAlert, RootRecord } from './alert.types.js';
import {
  accountClosed,
  accountHolderMismatch,
  citizenNotFound,
  dateOfBirthMismatch,
  deceasedWithActiveEntitlement,
  deriveAlerts,
  mandateExpired,
  nameMismatch,
  noPaymentAccount,
  sourceUnavailable,
  uncollectedThreeMonths,
} from './rules.js';

const record = (over: Partial<RootRecord> = {}): RootRecord => ({
  fullName: 'Nguyễn Thị Thủy',
  dateOfBirth: '1950-03-12',
  entitlements: [{ program: 'SOCIAL_ASSISTANCE', status: 'ACTIVE' }],
  ...over,
});
const citizen = { fullName: 'Nguyễn Thị Thuỷ', dateOfBirth: '1950-03-12', vitalStatus: 'ALIVE', dateOfDeath: null };

/** A person every source answered for and nothing is wrong with. */
const clean: AlertInput = {
  today: '2026-11-15',
  registry: record(),
  insurance: null,
  citizen,
  representatives: [],
  paymentAccount: { method: 'BANK_ACCOUNT', status: 'ACTIVE', accountHolderName: 'NGUYEN THI THUY', recipientRole: 'SELF', recipientCitizenId: '038150000101' },
  payments: [
    { period: '2026-08', status: 'PAID', method: 'BANK_ACCOUNT', statusReason: null },
    { period: '2026-09', status: 'PAID', method: 'BANK_ACCOUNT', statusReason: null },
    { period: '2026-10', status: 'PAID', method: 'BANK_ACCOUNT', statusReason: null },
  ],
};
const codes = (alerts: readonly DataAlert[]) => alerts.map((a) => [a.code, a.source]);
const cash = (period: string, status: string) => ({ period, status, method: 'POST_OFFICE_CASH', statusReason: null });

describe('alert rules', () => {
  it('find nothing for a person every source agrees on', () => {
    expect(deriveAlerts(clean)).toEqual([]);
  });

  it('CITIZEN_NOT_FOUND only when the population database answered without the person', () => {
    expect([
      codes(citizenNotFound({ ...clean, citizen: null })),
      codes(citizenNotFound({ ...clean, citizen: undefined })),
      codes(citizenNotFound({ ...clean, citizen: { unavailable: ['POPULATION'] } })),
    ]).toEqual([[['CITIZEN_NOT_FOUND', 'POPULATION']], [], []]);
  });

  it('DECEASED_WITH_ACTIVE_ENTITLEMENT per root still paying', () => {
    const dead = { ...citizen, vitalStatus: 'DECEASED', dateOfDeath: '2026-08-02' };
    expect([
      codes(deceasedWithActiveEntitlement({ ...clean, citizen: dead, insurance: record({ entitlements: [{ program: 'PENSION', status: 'ACTIVE' }] }) })),
      codes(deceasedWithActiveEntitlement({ ...clean, citizen: dead, registry: record({ entitlements: [{ program: 'SOCIAL_ASSISTANCE', status: 'ENDED' }] }) })),
      codes(deceasedWithActiveEntitlement(clean)),
    ]).toEqual([[['DECEASED_WITH_ACTIVE_ENTITLEMENT', 'LABOR_REGISTRY'], ['DECEASED_WITH_ACTIVE_ENTITLEMENT', 'SOCIAL_INSURANCE']], [], []]);
  });

  it('NAME_MISMATCH ignores tone-mark placement, NFD against NFC and đ/Đ, but not another middle name', () => {
    const nfd = { ...citizen, fullName: 'Nguyễn Thị Thủy'.normalize('NFD') };
    expect([
      codes(nameMismatch(clean)),
      codes(nameMismatch({ ...clean, citizen: nfd })),
      codes(nameMismatch({ ...clean, registry: record({ fullName: 'Đỗ Văn Đạt' }), citizen: { ...citizen, fullName: 'ĐỖ VĂN ĐẠT' } })),
      codes(nameMismatch({ ...clean, registry: record({ fullName: 'Nguyễn Văn Thủy' }) })),
      codes(nameMismatch({ ...clean, registry: null, insurance: record({ fullName: 'Nguyễn Hữu Thủy' }) })),
    ]).toEqual([[], [], [], [['NAME_MISMATCH', 'LABOR_REGISTRY']], [['NAME_MISMATCH', 'SOCIAL_INSURANCE']]]);
  });

  it('DATE_OF_BIRTH_MISMATCH against the record shown', () => {
    expect([codes(dateOfBirthMismatch({ ...clean, registry: record({ dateOfBirth: '1950-03-21' }) })), codes(dateOfBirthMismatch(clean))]).toEqual([
      [['DATE_OF_BIRTH_MISMATCH', 'LABOR_REGISTRY']],
      [],
    ]);
  });

  it('NO_PAYMENT_ACCOUNT only when the link store answered with no link', () => {
    expect([
      codes(noPaymentAccount({ ...clean, paymentAccount: null })),
      codes(noPaymentAccount({ ...clean, paymentAccount: undefined })),
      codes(noPaymentAccount({ ...clean, paymentAccount: { unavailable: ['ACCOUNT_REGISTRY'] } })),
    ]).toEqual([[['NO_PAYMENT_ACCOUNT', 'ACCOUNT_REGISTRY']], [], []]);
  });

  it("ACCOUNT_HOLDER_MISMATCH compares the holder with whoever the link pays", () => {
    const link = clean.paymentAccount as Exclude<AlertInput['paymentAccount'], null | undefined | { unavailable: unknown }>;
    const guardian = { role: 'GUARDIAN', citizenId: '038078000404', fullName: 'Phạm Văn Dũng', validUntil: null };
    expect([
      codes(accountHolderMismatch({ ...clean, paymentAccount: { ...link, accountHolderName: 'TRAN VAN BINH' } })),
      codes(accountHolderMismatch({ ...clean, representatives: [guardian], paymentAccount: { ...link, recipientRole: 'GUARDIAN', recipientCitizenId: guardian.citizenId, accountHolderName: 'PHAM VAN DUNG' } })),
      codes(accountHolderMismatch({ ...clean, representatives: [guardian], paymentAccount: { ...link, recipientRole: 'GUARDIAN', recipientCitizenId: guardian.citizenId, accountHolderName: 'NGUYEN THI THUY' } })),
      codes(accountHolderMismatch({ ...clean, paymentAccount: { ...link, method: 'POST_OFFICE_CASH', accountHolderName: null } })),
      codes(accountHolderMismatch(clean)),
      // The registry misspells the name (NAME_MISMATCH's business) but the bank holds the legal one.
      codes(accountHolderMismatch({ ...clean, registry: { ...(clean.registry as object), fullName: 'Nguyễn Thị Thu' } as never, paymentAccount: { ...link, accountHolderName: 'NGUYEN THI THUY' } })),
    ]).toEqual([[['ACCOUNT_HOLDER_MISMATCH', 'BANK']], [], [['ACCOUNT_HOLDER_MISMATCH', 'BANK']], [], [], []]);
  });

  it('ACCOUNT_CLOSED when the latest payment to the linked account came back', () => {
    const returned = [...(clean.payments as object[]).slice(0, 2), { period: '2026-10', status: 'RETURNED', method: 'BANK_ACCOUNT', statusReason: 'ACCOUNT_CLOSED' }];
    const earlier = [{ period: '2026-09', status: 'RETURNED', method: 'BANK_ACCOUNT', statusReason: null }, ...(clean.payments as object[]).slice(2)];
    expect([
      codes(accountClosed({ ...clean, payments: returned as never })),
      codes(accountClosed({ ...clean, payments: earlier as never })),
      codes(accountClosed({ ...clean, payments: returned as never, paymentAccount: null })),
    ]).toEqual([[['ACCOUNT_CLOSED', 'BANK']], [], []]);
  });

  it('REPRESENTATIVE_MANDATE_EXPIRED per mandate that ended before today', () => {
    const rep = (validUntil: string | null) => ({ role: 'AUTHORIZED_PROXY', citizenId: '038078000404', fullName: 'Phạm Văn Dũng', validUntil });
    expect([
      codes(mandateExpired({ ...clean, representatives: [rep('2026-08-31'), rep(null), rep('2026-11-15')] })),
      codes(mandateExpired({ ...clean, representatives: { unavailable: ['LABOR_REGISTRY'] } })),
    ]).toEqual([[['REPRESENTATIVE_MANDATE_EXPIRED', 'LABOR_REGISTRY']], []]);
  });

  it('UNCOLLECTED_THREE_MONTHS when cash came back in each of the last three periods', () => {
    const three = [cash('2026-07', 'PAID_IN_CASH'), cash('2026-08', 'RETURNED'), cash('2026-09', 'RETURNED'), cash('2026-10', 'RETURNED')];
    const two = [cash('2026-08', 'PAID_IN_CASH'), cash('2026-09', 'RETURNED'), cash('2026-10', 'RETURNED')];
    expect([codes(uncollectedThreeMonths({ ...clean, payments: three })), codes(uncollectedThreeMonths({ ...clean, payments: two }))]).toEqual([
      [['UNCOLLECTED_THREE_MONTHS', 'POST']],
      [],
    ]);
  });

  it('SOURCE_UNAVAILABLE once per agency that did not answer, and rules needing it stay silent', () => {
    const input: AlertInput = {
      ...clean,
      insurance: { unavailable: ['SOCIAL_INSURANCE'] },
      citizen: { unavailable: ['POPULATION'] },
      payments: { unavailable: ['BANK', 'POST'] },
    };
    expect(codes(sourceUnavailable(input))).toEqual([
      ['SOURCE_UNAVAILABLE', 'SOCIAL_INSURANCE'],
      ['SOURCE_UNAVAILABLE', 'POPULATION'],
      ['SOURCE_UNAVAILABLE', 'BANK'],
      ['SOURCE_UNAVAILABLE', 'POST'],
    ]);
    expect(codes(deriveAlerts(input))).toEqual(codes(sourceUnavailable(input)));
  });

  it('stay silent about what the caller may not read (parts left undefined)', () => {
    const unreadable: AlertInput = { ...clean, citizen: undefined, representatives: undefined, paymentAccount: undefined, payments: undefined };
    expect(deriveAlerts({ ...unreadable, registry: record({ fullName: 'Someone Else' }) })).toEqual([]);
  });
});
