/*
 * Wire shapes of the payer organisations (mocks: mocks/payer).
 * BANK: a NAPAS / vietqr.io-style gateway over every bank and e-wallet: `{ code, desc, data }`, code '00' on success,
 * '41' bank unsupported, '42' invalid account number, '43' unknown account.
 * POST: Vietnam Post, PostPay partner style: `partnerCode` and `requestId` in every body, `{ code, message, requestId, data }`.
 */

export interface BankEnvelopeWire<T> {
  readonly code: string;
  readonly desc: string;
  readonly data: T | null;
}

export interface BankProviderWire {
  /** BIN of a bank, wallet code of an e-wallet. */
  readonly bin: string;
  readonly name: string;
  readonly shortName: string;
  readonly type: 'BANK' | 'EWALLET';
  readonly lookupSupported: 1;
}

/** `POST /v2/lookup` body and data. */
export interface BankLookupRequestWire {
  readonly bin: string;
  readonly accountNumber: string;
}
export interface BankLookupDataWire {
  readonly bin: string;
  readonly accountNumber: string;
  readonly accountName: string;
  readonly accountStatus: 'ACTIVE' | 'CLOSED';
}

/** `POST /v2/payment-results` body and data. */
export interface BankPaymentResultsRequestWire {
  readonly paymentIds: readonly string[];
}
export interface BankTransactionWire {
  readonly status: 'RECEIVED' | 'CREDITED' | 'REJECTED' | 'RETURNED';
  readonly time: string;
  readonly transactionRef: string | null;
  readonly reason: string | null;
}
export interface BankPaymentResultWire {
  readonly paymentId: string;
  readonly bin: string;
  readonly transactions: readonly BankTransactionWire[];
}
export interface BankPaymentResultsDataWire {
  readonly results: readonly BankPaymentResultWire[];
}

/** '40' bad request, '41' bank unsupported, '42' invalid account number, '43' unknown account, '44' too many ids, '404', '405', '413', '98' internal, '99' unavailable. */
export type BankCodeWire = '00' | '40' | '41' | '42' | '43' | '44' | '404' | '405' | '413' | '98' | '99';

export interface PostEnvelopeWire<T> {
  readonly code: string;
  readonly message: string;
  readonly requestId: string | null;
  readonly data?: T;
}

/** `POST /cob-partner/partner/v1/detail` body and data. */
export interface PostPartnerRequestWire {
  readonly partnerCode: string;
  readonly requestId: string;
}
export interface PostPartnerDataWire {
  readonly providerCode: string;
  readonly name: string;
  readonly shortName: string;
}

/** `POST /cob-partner/payment/v1/search-result` body and data. */
export interface PostSearchResultRequestWire extends PostPartnerRequestWire {
  readonly paymentIds: readonly string[];
}
export interface PostResultWire {
  readonly status: 'RECEIVED' | 'PAID' | 'UNCLAIMED' | 'RETURNED' | 'REJECTED';
  readonly time: string;
  readonly receiptNo: string | null;
  readonly note: string | null;
}
export interface PostPaymentWire {
  readonly paymentId: string;
  readonly results: readonly PostResultWire[];
}
export interface PostSearchResultDataWire {
  readonly items: readonly PostPaymentWire[];
}

/** '01' bad request, '02' too many ids, '03' missing partner, '404', '405', '413', '98' internal, '99' unavailable. */
export type PostCodeWire = '00' | '01' | '02' | '03' | '404' | '405' | '413' | '98' | '99';
