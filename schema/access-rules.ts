/**
 * The access-rule table (scopes.md): which scopes grant which field, and which results are limited to the
 * caller's areas. Subgraphs enforce the rows of the fields they resolve; the gateway enforces its own rows
 * and prints `scopeMatrix` from this same table, so the matrix cannot drift from enforcement.
 */
export const SCOPES = [
  'beneficiary:read',
  'citizen:read',
  'accounts:read',
  'accounts:read:full',
  'accounts:write',
  'payments:read',
  'reports:read',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface AccessRule {
  /** Any one of these grants the field; empty means any authenticated caller. */
  readonly scopes: readonly Scope[];
  readonly areaRestricted: boolean;
}

const rule = (scopes: readonly Scope[], areaRestricted = false): AccessRule => Object.freeze({ scopes, areaRestricted });
const ANY = rule([]);

/** Scope for every field of a type unless a field row overrides it. */
const TYPE_DEFAULTS: Readonly<Record<string, AccessRule>> = {
  Beneficiary: rule(['beneficiary:read']),
  Entitlement: rule(['beneficiary:read']),
  Representative: rule(['beneficiary:read']),
  DataAlert: rule(['beneficiary:read']),
  Area: ANY,
  Address: rule(['citizen:read']),
  Citizen: rule(['citizen:read']),
  PaymentAccountLink: rule(['accounts:read', 'accounts:write']),
  LinkCheck: rule(['accounts:read', 'accounts:write']),
  PaymentProvider: ANY,
  Payment: rule(['payments:read']),
  PaymentEvent: rule(['payments:read']),
  PaymentBatch: rule(['payments:read']),
  TreasuryOrder: rule(['payments:read']),
  PaymentConnection: rule(['payments:read']),
  PaymentEdge: rule(['payments:read']),
  DisbursementSummary: rule(['reports:read']),
  MethodCount: rule(['reports:read']),
  BeneficiaryConnection: rule(['beneficiary:read']),
  BeneficiaryEdge: rule(['beneficiary:read']),
  PageInfo: ANY,
  Viewer: ANY,
  FieldScope: rule(['audit:read']),
  AuditEvent: rule(['audit:read']),
  AuditEventEdge: rule(['audit:read']),
  AuditEventConnection: rule(['audit:read']),
  AuditChainStatus: rule(['audit:read']),
  UserError: rule(['accounts:write']),
  LinkPaymentAccountPayload: rule(['accounts:write']),
  UnlinkPaymentAccountPayload: rule(['accounts:write']),
};

/** Field rows that differ from their type's default. */
const FIELD_RULES: Readonly<Record<string, AccessRule>> = {
  'Query.beneficiary': rule(['beneficiary:read'], true),
  'Query.beneficiaries': rule(['beneficiary:read'], true),
  'Query.searchBeneficiaries': rule(['beneficiary:read'], true),
  'Query.citizen': rule(['citizen:read'], true),
  'Query.payment': rule(['payments:read'], true),
  'Query.payments': rule(['payments:read'], true),
  'Query.paymentBatch': rule(['payments:read'], true),
  'Query.paymentBatches': rule(['payments:read'], true),
  'Query.disbursementSummary': rule(['reports:read'], true),
  'Query.viewer': ANY,
  'Query.scopeMatrix': rule(['audit:read']),
  'Query.auditEvents': rule(['audit:read']),
  'Query.auditChainStatus': rule(['audit:read']),
  'Mutation.linkPaymentAccount': rule(['accounts:write'], true),
  'Mutation.unlinkPaymentAccount': rule(['accounts:write'], true),
  'Beneficiary.citizen': rule(['citizen:read']),
  'Beneficiary.representatives': rule(['beneficiary:read'], true),
  'Beneficiary.paymentAccount': rule(['accounts:read']),
  'Beneficiary.paymentAccountHistory': rule(['accounts:read']),
  'Beneficiary.payments': rule(['payments:read']),
  'PaymentAccountLink.accountNumber': rule(['accounts:read:full']),
  'PaymentBatch.payments': rule(['payments:read'], true),
  // Internal root fields the gateway composes the public roots from (not in the public schema).
  'Query.registryBeneficiaries': rule(['beneficiary:read'], true),
  'Query.registrySearch': rule(['beneficiary:read'], true),
  'Query.insuranceBeneficiaries': rule(['beneficiary:read'], true),
  'Query.insuranceSearch': rule(['beneficiary:read'], true),
  'Query.activeAccountLinkCount': rule(['reports:read'], true),
  'DisbursementSummary.beneficiaryCitizenIds': rule(['reports:read'], true),
  'Query.registryMatchCount': rule(['beneficiary:read'], true),
  'Query.insuranceMatchCount': rule(['beneficiary:read'], true),
};

/** The rule for one field coordinate, e.g. `Beneficiary.citizen`. */
export function accessRule(typeName: string, fieldName: string): AccessRule {
  return FIELD_RULES[`${typeName}.${fieldName}`] ?? TYPE_DEFAULTS[typeName] ?? ANY;
}

/** True when any scope the caller holds grants the field. */
export function isGranted(rule: AccessRule, held: ReadonlySet<string>): boolean {
  return rule.scopes.length === 0 || rule.scopes.some((s) => held.has(s));
}

/** Scopes from an RFC 8693 `scope` claim: one space-separated string; anything else grants nothing. */
export function parseScopeClaim(claim: unknown): Set<string> {
  if (typeof claim !== 'string') return new Set();
  return new Set(claim.split(' ').filter((s) => (SCOPES as readonly string[]).includes(s)));
}

/** Every field coordinate with its own row (for tests and the matrix). */
export const ruledFields = (): string[] => Object.keys(FIELD_RULES);
