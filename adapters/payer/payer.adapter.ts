import type { CallContext } from '../shared/types.js';

/** A bank, e-wallet or the Post, with the code the contract uses (BIN, wallet code or 'VNPOST'). */
export interface ProviderRecord {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: 'BANK' | 'POST' | 'E_WALLET';
}

/** Answer of an account name inquiry. */
export interface AccountInquiry {
  readonly providerCode: string;
  readonly accountNumber: string;
  /** Uppercase ASCII, as banks hold it. */
  readonly holderName: string;
  readonly status: 'OPEN' | 'CLOSED';
}

/** A payment and the payer it was sent to (bank BIN, wallet code or 'VNPOST'). */
export interface PaymentRef {
  readonly paymentId: string;
  readonly providerCode: string;
}

/** One thing a payer reports about one payment. */
export type PayerEventType = 'RECEIVED' | 'CREDITED' | 'REJECTED' | 'RETURNED' | 'CASH_PAID' | 'UNCOLLECTED';

export interface PayerEvent {
  readonly paymentId: string;
  readonly providerCode: string;
  readonly type: PayerEventType;
  readonly at: string;
  /** Bank transaction or post receipt number. */
  readonly reference: string | null;
  readonly reason: string | null;
}

/** Client of the payer organisations (banks, e-wallets, the Post). */
export interface PayerAdapter {
  /** Payer organisations this gateway can reach. */
  getProviders(ctx?: CallContext): Promise<readonly ProviderRecord[]>;
  /**
   * Account name inquiry. Null when the provider holds no such account; throws a REJECTED AgencyError with
   * agencyCode 'PROVIDER_NOT_SUPPORTED' for a provider it does not serve.
   */
  inquireAccount(providerCode: string, accountNumber: string, ctx?: CallContext): Promise<AccountInquiry | null>;
  /**
   * Results of many payments, in time order per payment; payments with none are absent. Each payment is asked
   * of its own payer only (the Post for 'VNPOST', the bank gateway otherwise), one batched call per payer, so
   * one payer's outage never fails the other's payments.
   */
  getPaymentEvents(payments: readonly PaymentRef[], ctx?: CallContext): Promise<Map<string, readonly PayerEvent[]>>;
}
