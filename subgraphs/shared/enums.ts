import { registerEnumType } from 'type-graphql';

// The contract's enums, declared once with every value so that each subgraph publishes them identically
// (Federation composition requires enums used in inputs to agree across subgraphs).
export enum Agency {
  POPULATION = 'POPULATION',
  LABOR_REGISTRY = 'LABOR_REGISTRY',
  SOCIAL_INSURANCE = 'SOCIAL_INSURANCE',
  TREASURY = 'TREASURY',
  BANK = 'BANK',
  POST = 'POST',
  ACCOUNT_REGISTRY = 'ACCOUNT_REGISTRY',
}
export enum Program {
  SOCIAL_ASSISTANCE = 'SOCIAL_ASSISTANCE',
  MERIT_ALLOWANCE = 'MERIT_ALLOWANCE',
  PENSION = 'PENSION',
  SOCIAL_INSURANCE_ALLOWANCE = 'SOCIAL_INSURANCE_ALLOWANCE',
  UNEMPLOYMENT_BENEFIT = 'UNEMPLOYMENT_BENEFIT',
}
export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
export enum VitalStatus {
  ALIVE = 'ALIVE',
  DECEASED = 'DECEASED',
  UNKNOWN = 'UNKNOWN',
}
export enum AreaLevel {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
export enum EntitlementStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}
export enum RecipientRole {
  SELF = 'SELF',
  GUARDIAN = 'GUARDIAN',
  AUTHORIZED_PROXY = 'AUTHORIZED_PROXY',
}
export enum PaymentMethod {
  BANK_ACCOUNT = 'BANK_ACCOUNT',
  E_WALLET = 'E_WALLET',
  POST_OFFICE_CASH = 'POST_OFFICE_CASH',
  HOME_DELIVERY = 'HOME_DELIVERY',
}

registerEnumType(Agency, { name: 'Agency', description: 'The agencies and payer organisations behind the gateway.' });
registerEnumType(Program, { name: 'Program' });
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(VitalStatus, { name: 'VitalStatus' });
registerEnumType(AreaLevel, { name: 'AreaLevel' });
registerEnumType(EntitlementStatus, { name: 'EntitlementStatus' });
registerEnumType(RecipientRole, { name: 'RecipientRole', description: "Who receives the money on the beneficiary's behalf." });
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
