import { registerEnumType } from 'type-graphql';

// The payment enums of the contract, with every value; the payments subgraph is their only publisher.

/** Where a payment stands, as the state machine (payment-state.ts) derives it from every source. */
export enum PaymentStatus {
  SCHEDULED = 'SCHEDULED',
  FUNDED = 'FUNDED',
  SENT = 'SENT',
  PAID = 'PAID',
  PAID_IN_CASH = 'PAID_IN_CASH',
  FAILED = 'FAILED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
}

export enum BatchStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FUNDED = 'FUNDED',
  DISBURSING = 'DISBURSING',
  CLOSED = 'CLOSED',
}

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: "RETURNED also covers cash that was not collected by the end of the month and went back to the payer's account.",
});
registerEnumType(BatchStatus, { name: 'BatchStatus' });
export { ProviderKind } from '../shared/payment-provider.type.js';
