/** Value sets shared by several agencies' DTOs (mirrors of the contract's enums, kept free of graphql). */
export type Sex = 'MALE' | 'FEMALE';
export type VitalStatus = 'ALIVE' | 'DECEASED' | 'UNKNOWN';
export type Program = 'SOCIAL_ASSISTANCE' | 'MERIT_ALLOWANCE' | 'PENSION' | 'SOCIAL_INSURANCE_ALLOWANCE' | 'UNEMPLOYMENT_BENEFIT';
export type EntitlementStatus = 'ACTIVE' | 'SUSPENDED' | 'ENDED';
export type RecipientRole = 'SELF' | 'GUARDIAN' | 'AUTHORIZED_PROXY';
export type PaymentMethod = 'BANK_ACCOUNT' | 'E_WALLET' | 'POST_OFFICE_CASH' | 'HOME_DELIVERY';

/** Per-call options every adapter method takes. */
export interface CallContext {
  /** Sent as `x-correlation-id` so agency logs can be joined with ours. */
  readonly correlationId?: string;
}

/** A commune or province as the registry names it. */
export interface AreaRecord {
  readonly code: string;
  readonly name: string;
  readonly level: 'PROVINCE' | 'COMMUNE';
  /** The province of a commune; null for a province. */
  readonly provinceCode: string | null;
}

/** One entitlement (a monthly benefit) as a root agency holds it. */
export interface EntitlementRecord {
  readonly id: string;
  readonly program: Program;
  readonly category: string;
  readonly categoryName: string;
  readonly monthlyAmount: number;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly status: EntitlementStatus;
}

/** The payment method and account a root agency has on file for a person. */
export interface PaymentOnFile {
  readonly method: PaymentMethod;
  /** Bank BIN, e-wallet code or 'VNPOST'. */
  readonly providerCode: string;
  readonly accountNumber: string | null;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId: string;
}

/** A change of payment method pushed to a root agency; `requestId` makes it idempotent there. */
export interface PaymentMethodUpdate extends PaymentOnFile {
  readonly requestId: string;
  readonly citizenId: string;
}

/** One line of a monthly payment list. */
export interface PaymentListItem {
  readonly paymentId: string;
  readonly citizenId: string;
  readonly amount: number;
  readonly method: PaymentMethod;
  readonly providerCode: string;
  readonly accountNumber: string | null;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId: string;
  /** Set when a decrease list removed the line after the list was drawn up. */
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
}

/** A monthly payment list of one program for one commune, sent to one payer (bank BIN or 'VNPOST'). */
export interface PaymentList {
  readonly id: string;
  readonly period: string;
  readonly program: Program;
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly payerCode: string;
  /** ISO instant the list was approved and sent to the treasury. */
  readonly submittedAt: string;
  readonly items: readonly PaymentListItem[];
}

/** Filter for payment lists; `areaCode` is a province or a commune. */
export interface PaymentListQuery {
  readonly period: string;
  readonly areaCode?: string;
  readonly program?: Program;
}
