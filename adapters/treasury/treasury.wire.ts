/*
 * Wire shapes of the State Treasury API (mock: mocks/treasury). camelCase JSON in an `{ errorCode, errorDesc, data }`
 * envelope, errorCode '0' on success.
 */

export interface TreasuryFundingOrderWire {
  readonly orderNo: string;
  readonly paymentListId: string;
  readonly amountVnd: number;
  readonly state: 'PENDING' | 'TRANSFERRED' | 'REJECTED';
  readonly createdTime: string;
  readonly transferredTime: string | null;
  readonly rejectionReason: string | null;
}

/** `POST /treasury/api/v1/funding-orders/query` body. */
export interface TreasuryOrderQueryRequestWire {
  readonly paymentListIds: readonly string[];
}

export interface TreasuryEnvelopeWire<T> {
  readonly errorCode: string;
  readonly errorDesc: string;
  readonly data?: T;
}

export interface TreasuryOrderQueryDataWire {
  readonly orders: readonly TreasuryFundingOrderWire[];
  /** List ids with no funding order yet. */
  readonly noOrder: readonly string[];
}

/** 'TR01' bad input, 'TR02' too many ids, 'TR404' no route, 'TR405' method, 'TR413' body too large, 'TR98' internal, 'TR99' unavailable. */
export type TreasuryErrorCodeWire = '0' | 'TR01' | 'TR02' | 'TR404' | 'TR405' | 'TR413' | 'TR98' | 'TR99';
