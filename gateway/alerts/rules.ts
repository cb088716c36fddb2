import type { AlertInput, AlertRule, DataAlert, Part, RootRecord, Unavailable } from './alert.types.js';
import { sameName } from './name-match.js';

const isUnavailable = (part: unknown): part is Unavailable =>
  typeof part === 'object' && part !== null && 'unavailable' in part && Array.isArray((part as Unavailable).unavailable);

/** The value when the source answered (`null` included), else undefined (not readable, or not answered). */
export function present<T>(part: Part<T>): T | null | undefined {
  return isUnavailable(part) ? undefined : (part as T | null | undefined);
}

const alert = (code: DataAlert['code'], source: DataAlert['source'], message: string): DataAlert => ({ code, source, message });

/** The record the public name and birth date come from (registry, else social insurance), with its source. */
function shownRecord(input: AlertInput): { record: RootRecord; source: 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE' } | null {
  const registry = present(input.registry);
  if (registry) return { record: registry, source: 'LABOR_REGISTRY' };
  const insurance = present(input.insurance);
  return insurance ? { record: insurance, source: 'SOCIAL_INSURANCE' } : null;
}

export const citizenNotFound: AlertRule = (input) =>
  present(input.citizen) === null ? [alert('CITIZEN_NOT_FOUND', 'POPULATION', 'The population database holds no person with this ID.')] : [];

export const deceasedWithActiveEntitlement: AlertRule = (input) => {
  if (present(input.citizen)?.vitalStatus !== 'DECEASED') return [];
  const roots = [
    [present(input.registry), 'LABOR_REGISTRY'],
    [present(input.insurance), 'SOCIAL_INSURANCE'],
  ] as const;
  return roots
    .filter(([record]) => record?.entitlements.some((e) => e.status === 'ACTIVE'))
    .map(([, source]) => alert('DECEASED_WITH_ACTIVE_ENTITLEMENT', source, 'Deceased per the population database, but an entitlement is still active.'));
};

export const nameMismatch: AlertRule = (input) => {
  const citizen = present(input.citizen);
  const shown = shownRecord(input);
  if (!citizen || !shown || sameName(citizen.fullName, shown.record.fullName)) return [];
  return [alert('NAME_MISMATCH', shown.source, 'The name differs from the population database.')];
};

export const dateOfBirthMismatch: AlertRule = (input) => {
  const citizen = present(input.citizen);
  const shown = shownRecord(input);
  if (!citizen || !shown || citizen.dateOfBirth === shown.record.dateOfBirth) return [];
  return [alert('DATE_OF_BIRTH_MISMATCH', shown.source, 'The date of birth differs from the population database.')];
};

export const noPaymentAccount: AlertRule = (input) =>
  present(input.paymentAccount) === null ? [alert('NO_PAYMENT_ACCOUNT', 'ACCOUNT_REGISTRY', 'No payment account is linked.')] : [];

const ACCOUNT_METHODS: ReadonlySet<string> = new Set(['BANK_ACCOUNT', 'E_WALLET']);

export const accountHolderMismatch: AlertRule = (input) => {
  const link = present(input.paymentAccount);
  if (!link?.accountHolderName || !ACCOUNT_METHODS.has(link.method)) return [];
  // Banks hold the legal name, which the population database also holds; a registry misspelling (its own alert,
  // NAME_MISMATCH) must not make the account look like someone else's.
  const expected: string[] = [];
  if (link.recipientRole === 'SELF') {
    const root = shownRecord(input)?.record.fullName;
    const citizen = present(input.citizen)?.fullName;
    for (const n of [root, citizen]) if (n !== undefined) expected.push(n);
  } else {
    const rep = present(input.representatives)?.find((r) => r.citizenId !== undefined && r.citizenId === link.recipientCitizenId)?.fullName;
    if (rep !== undefined) expected.push(rep);
  }
  if (expected.length === 0 || expected.some((n) => sameName(link.accountHolderName!, n, { allowTruncation: true }))) return [];
  return [alert('ACCOUNT_HOLDER_MISMATCH', 'BANK', 'The account is not held by the person the link pays.')];
};

/** Payments of the newest period present. */
function latestPeriod<T extends { period: string }>(payments: readonly T[]): T[] {
  const newest = payments.reduce((max, p) => (p.period > max ? p.period : max), '');
  return payments.filter((p) => p.period === newest);
}

export const accountClosed: AlertRule = (input) => {
  const link = present(input.paymentAccount);
  const payments = present(input.payments);
  if (!link || !ACCOUNT_METHODS.has(link.method) || !payments) return [];
  // The provider sends a credit to a closed account back: the latest payment to the account is RETURNED.
  const returned = latestPeriod(payments).some((p) => p.status === 'RETURNED' && p.method === link.method);
  return returned ? [alert('ACCOUNT_CLOSED', 'BANK', 'The latest payment came back: the linked account is closed.')] : [];
};

export const mandateExpired: AlertRule = (input) =>
  (present(input.representatives) ?? [])
    .filter((r) => r.validUntil !== null && r.validUntil < input.today)
    .map(() => alert('REPRESENTATIVE_MANDATE_EXPIRED', 'LABOR_REGISTRY', "A representative's mandate has expired."));

const CASH_METHODS: ReadonlySet<string> = new Set(['POST_OFFICE_CASH', 'HOME_DELIVERY']);

export const uncollectedThreeMonths: AlertRule = (input) => {
  const payments = present(input.payments);
  if (!payments) return [];
  const periods = [...new Set(payments.map((p) => p.period))].sort().slice(-3);
  if (periods.length < 3) return [];
  // Cash not collected by the end of the month goes back to the payer: RETURNED in each of the last three.
  const uncollected = periods.every((period) => payments.some((p) => p.period === period && CASH_METHODS.has(p.method) && p.status === 'RETURNED'));
  return uncollected ? [alert('UNCOLLECTED_THREE_MONTHS', 'POST', 'Cash was not collected for three consecutive months.')] : [];
};

/** SOURCE_UNAVAILABLE once per agency that did not answer. */
export const sourceUnavailable: AlertRule = (input) => {
  const sources = new Set<DataAlert['source']>();
  for (const part of [input.registry, input.insurance, input.citizen, input.representatives, input.paymentAccount, input.payments]) {
    if (isUnavailable(part)) for (const s of part.unavailable) sources.add(s);
  }
  return [...sources].map((s) => alert('SOURCE_UNAVAILABLE', s, `${s} did not answer; findings that need its data are missing.`));
};

/** Every rule, in the order their alerts are listed. */
export const RULES: readonly AlertRule[] = [
  citizenNotFound,
  deceasedWithActiveEntitlement,
  nameMismatch,
  dateOfBirthMismatch,
  noPaymentAccount,
  accountHolderMismatch,
  accountClosed,
  mandateExpired,
  uncollectedThreeMonths,
  sourceUnavailable,
];

/** Runs every rule over one beneficiary's merged data. */
export function deriveAlerts(input: AlertInput, rules: readonly AlertRule[] = RULES): DataAlert[] {
  return rules.flatMap((rule) => rule(input));
}
