import { registerEnumType } from 'type-graphql';

// The contract's enums that only the accounts subgraph publishes (ProviderKind, shared with payments, lives in
// subgraphs/shared/payment-provider.type.ts).
export enum LinkStatus {
  PENDING_VERIFICATION = 'PENDING_VERIFICATION',
  COOLING_OFF = 'COOLING_OFF',
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
  UNLINKED = 'UNLINKED',
}
export enum LinkCheckName {
  IDENTITY_MATCH = 'IDENTITY_MATCH',
  VITAL_STATUS = 'VITAL_STATUS',
  ACCOUNT_EXISTS = 'ACCOUNT_EXISTS',
  ACCOUNT_HOLDER_NAME = 'ACCOUNT_HOLDER_NAME',
  REPRESENTATIVE_MANDATE = 'REPRESENTATIVE_MANDATE',
  AREA_JURISDICTION = 'AREA_JURISDICTION',
}
export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  BENEFICIARY_NOT_FOUND = 'BENEFICIARY_NOT_FOUND',
  CITIZEN_NOT_FOUND = 'CITIZEN_NOT_FOUND',
  BENEFICIARY_DECEASED = 'BENEFICIARY_DECEASED',
  REPRESENTATIVE_NOT_AUTHORIZED = 'REPRESENTATIVE_NOT_AUTHORIZED',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  ACCOUNT_HOLDER_MISMATCH = 'ACCOUNT_HOLDER_MISMATCH',
  PROVIDER_NOT_SUPPORTED = 'PROVIDER_NOT_SUPPORTED',
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  OUT_OF_AREA = 'OUT_OF_AREA',
  LINK_NOT_FOUND = 'LINK_NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

registerEnumType(LinkStatus, {
  name: 'LinkStatus',
  valuesConfig: {
    COOLING_OFF: { description: 'Verified; becomes ACTIVE when effectiveFrom is reached (anti-fraud delay on a change of account).' },
  },
});
registerEnumType(LinkCheckName, { name: 'LinkCheckName' });
registerEnumType(UserErrorCode, { name: 'UserErrorCode' });
export { ProviderKind } from '../shared/payment-provider.type.js';
