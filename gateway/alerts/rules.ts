import { foldName } from '../../schema/index.js';
import type { AlertInput, AlertRule, DataAlert, Part } from './alert.types.js';

/** The value when the part arrived (null included), else undefined. */
export function present<T>(part: Part<T>): T | null | undefined {
  if (part === undefined || part === null) return part;
  if (typeof part === 'object' && 'unavailable' in (part as object)) return undefined;
  return part as T;
}

const isUnavailable = <T>(part: Part<T>): part is { readonly unavailable: never } =>
  typeof part === 'object' && part !== null && 'unavailable' in (part as object);

/** The root record the public name and birth date come from: registry, else social insurance. */
const rootOf = (input: AlertInput) => present(input.registry) ?? present(input.insurance) ?? null;

const alert = (code: DataAlert['code'], source: DataAlert['source'], message: string): DataAlert => ({ code, source, message });

export const citizenNotFound: AlertRule = (input) =>
  present(input.citizen) === null ? [alert('CITIZEN_NOT_FOUND', 'POPULATION', 'The population database holds no person with this ID.')] : [];

export const deceasedWithActiveEntitlement: AlertRule = (input) => {
  const citizen = present(input.citizen);
  if (!citizen || citizen.vitalStatus !== 'DECEASED') return [];
  const out: DataAlert[] = [];
  const reg = present(input.registry);
  const ins = present(input.insurance);
  if (reg?.entitlements.some((e) => e.status === 'ACTIVE'))
    out.push(alert('DECEASED_WITH_ACTIVE_ENTITLEMENT', 'LABOR_REGISTRY', 'Deceased per the population database, but the registry still has an active entitlement.'));
  if (ins?.entitlements.some((e) => e.status === 'ACTIVE'))
    out.push(alert('DECEASED_WITH_ACTIVE_ENTITLEMENT', 'SOCIAL_INSURANCE', 'Deceased per the population database, but social insurance still pays an active benefit.'));
  return out;
};

export const nameMismatch: AlertRule = (input) => {
  const citizen = present(input.citizen);
  const root = rootOf(input);
  if (!citizen || !root) return [];
  // Folding makes tone-mark placement and Unicode normalisation irrelevant (domain.md §5).
  return foldName(citizen.fullName) === foldName(root.fullName)
    ? []
    : [alert('NAME_MISMATCH', present(input.registry) ? 'LABOR_REGISTRY' : 'SOCIAL_INSURANCE', 'The name differs from the population database.')];
};

export const dateOfBirthMismatch: AlertRule = (input) => {
  const citizen = present(input.citizen);
  const root = rootOf(input);
  if (!citizen || !root || citizen.dateOfBirth === root.dateOfBirth) return [];
  return [alert('DATE_OF_BIRTH_MISMATCH', present(input.registry) ? 'LABOR_REGISTRY' : 'SOCIAL_INSURANCE', 'The date of birth differs from the population database.')];
};

export const mandateExpired: AlertRule = (input) => {
  const reps = present(input.representatives);
  if (!reps) return [];
  return reps
    .filter((r) => r.validUntil !== null && r.validUntil < input.today)
    .map(() => alert('REPRESENTATIVE_MANDATE_EXPIRED', 'LABOR_REGISTRY', 'A representative\'s mandate has expired.'));
};

export const noPaymentAccount: AlertRule = (input) => {
  if (present(input.paymentAccount) !== null) return [];
  return [alert('NO_PAYMENT_ACCOUNT', 'ACCOUNT_REGISTRY', 'No payment account is linked.')];
};

export const accountHolderMismatch: AlertRule = (input) => {
  const link = present(input.paymentAccount);
  const root = rootOf(input);
  if (!link || !root || link.recipientRole !== 'SELF' || !link.accountHolderName) return [];
  return foldName(link.accountHolderName) === foldName(root.fullName)
    ? []
    : [alert('ACCOUNT_HOLDER_MISMATCH', 'BANK', 'The account holder is not the beneficiary.')];
};

export const accountClosed: AlertRule = (input) => {
  const link = present(input.paymentAccount);
  const payments = present(input.payments);
  if (!link || (link.method !== 'BANK_ACCOUNT' && link.method !== 'E_WALLET') || !payments) return [];
  const latest = [...payments].sort((a, b) => (a.period < b.period ? 1 : -1))[0];
  return latest && latest.status === 'RETURNED' && latest.method === link.method
    ? [alert('ACCOUNT_CLOSED', 'BANK', 'The bank returned the latest payment: the linked account is closed.')]
    : [];
};

export const uncollectedThreeMonths: AlertRule = (input) => {
  const payments = present(input.payments);
  if (!payments) return [];
  const cash = [...payments].filter((p) => p.method === 'POST_OFFICE_CASH' || p.method === 'HOME_DELIVERY');
  const periods = [...new Set(payments.map((p) => p.period))].sort().reverse().slice(0, 3);
  if (periods.length < 3) return [];
  const uncollected = periods.every((period) => cash.some((p) => p.period === period && p.status === 'RETURNED'));
  return uncollected ? [alert('UNCOLLECTED_THREE_MONTHS', 'POST', 'Cash was not collected for three consecutive months.')] : [];
};

/** SOURCE_UNAVAILABLE once per agency that did not answer. */
export const sourceUnavailable: AlertRule = (input) => {
  const sources = new Set<DataAlert['source']>();
  for (const part of [input.registry, input.insurance, input.citizen, input.representatives, input.paymentAccount, input.payments]) {
    if (isUnavailable(part)) sources.add((part as { unavailable: DataAlert['source'] }).unavailable);
  }
  return [...sources].map((s) => alert('SOURCE_UNAVAILABLE', s, `${s} did not answer; alerts that need its data are missing.`));
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

/** Runs every rule; never throws (a failing rule is a bug, reported by the caller's logger). */
export function deriveAlerts(input: AlertInput, rules: readonly AlertRule[] = RULES): DataAlert[] {
  return rules.flatMap((rule) => rule(input));
}
