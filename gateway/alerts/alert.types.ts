import type { AgencyName } from '../../schema/index.js';

export type AlertCode =
  | 'CITIZEN_NOT_FOUND'
  | 'DECEASED_WITH_ACTIVE_ENTITLEMENT'
  | 'NAME_MISMATCH'
  | 'DATE_OF_BIRTH_MISMATCH'
  | 'NO_PAYMENT_ACCOUNT'
  | 'ACCOUNT_HOLDER_MISMATCH'
  | 'ACCOUNT_CLOSED'
  | 'REPRESENTATIVE_MANDATE_EXPIRED'
  | 'UNCOLLECTED_THREE_MONTHS'
  | 'SOURCE_UNAVAILABLE';

export interface DataAlert {
  readonly code: AlertCode;
  readonly source: AgencyName;
  readonly message: string;
}

/** A source that did not answer (one part may stand for several, e.g. BANK and POST behind payments). */
export interface Unavailable {
  readonly unavailable: readonly AgencyName[];
}

/**
 * One source's contribution as the alert rules see it: `undefined` = not requested or not readable by this
 * caller (rules needing it stay silent), `null` = the source holds nothing, `Unavailable` = it did not answer.
 */
export type Part<T> = T | null | undefined | Unavailable;

export interface EntitlementPart {
  readonly status: string;
  readonly program: string;
}

/** A root's file on the person (the registry's or social insurance's). */
export interface RootRecord {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly entitlements: readonly EntitlementPart[];
}

export interface CitizenPart {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly vitalStatus: string;
  readonly dateOfDeath: string | null;
}

export interface RepresentativePart {
  readonly role: string;
  readonly citizenId?: string;
  readonly fullName: string;
  readonly validUntil: string | null;
}

/** The payment-account link in force. */
export interface AccountPart {
  readonly method: string;
  readonly status: string;
  readonly accountHolderName: string | null;
  readonly recipientRole: string;
  readonly recipientCitizenId?: string;
}

export interface PaymentPart {
  readonly period: string;
  readonly status: string;
  readonly method: string;
  readonly statusReason: string | null;
}

/** Everything the rules may look at for one beneficiary, merged from every source at the gateway. */
export interface AlertInput {
  /** Today as a calendar date in Asia/Ho_Chi_Minh. */
  readonly today: string;
  readonly registry: Part<RootRecord>;
  readonly insurance: Part<RootRecord>;
  readonly citizen: Part<CitizenPart>;
  readonly representatives: Part<readonly RepresentativePart[]>;
  readonly paymentAccount: Part<AccountPart>;
  readonly payments: Part<readonly PaymentPart[]>;
}

/** A rule: pure, small, tested on its own; returns the alerts it finds. */
export type AlertRule = (input: AlertInput) => readonly DataAlert[];
