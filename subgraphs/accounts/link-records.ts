import type { PaymentMethod, RecipientRole } from '../../adapters/shared/types.js';
import type { UserErrorCode } from '../../schema/index.js';

/*
 * The account-link registry's own records, free of graphql and of the database: what the store keeps, what the
 * verifier produces and what the resolvers publish.
 */

export const LINK_STATUSES = ['PENDING_VERIFICATION', 'COOLING_OFF', 'ACTIVE', 'REJECTED', 'UNLINKED'] as const;
export type LinkStatusValue = (typeof LINK_STATUSES)[number];

/** Verification steps, in the order running.md checks them. */
export const LINK_CHECK_NAMES = [
  'AREA_JURISDICTION',
  'IDENTITY_MATCH',
  'VITAL_STATUS',
  'REPRESENTATIVE_MANDATE',
  'ACCOUNT_EXISTS',
  'ACCOUNT_HOLDER_NAME',
] as const;
export type LinkCheckNameValue = (typeof LINK_CHECK_NAMES)[number];

export type ProviderKindValue = 'BANK' | 'POST' | 'E_WALLET';

/** The roots that may hold a person's payment method (ownership.md: registry, social insurance, or both). */
export type RootAgency = 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE';
/** Where the outbox pushes an accepted link. */
export type PushTarget = 'POPULATION' | RootAgency;

export interface LinkCheckRecord {
  readonly name: LinkCheckNameValue;
  readonly passed: boolean;
  readonly detail: string | null;
}

export interface ProviderRef {
  readonly code: string;
  readonly name: string;
  readonly kind: ProviderKindValue;
}

/** A refusal as the contract's `UserError`; `field` is the input path at fault. */
export interface UserErrorRecord {
  readonly code: UserErrorCode;
  readonly field: readonly string[] | null;
  readonly message: string;
}

/** Everything a new link needs, verified; the store decides its status and id. */
export interface LinkDraft {
  readonly beneficiaryCitizenId: string;
  /** The beneficiary's managing commune when linked: the store applies callers' areas by it. */
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly method: PaymentMethod;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId: string;
  readonly provider: ProviderRef;
  readonly accountNumber: string | null;
  readonly accountHolderName: string | null;
  readonly checks: readonly LinkCheckRecord[];
  readonly consentReference: string;
  /** Token `sub` of the caller, or 'registry-import'. */
  readonly createdBy: string;
  readonly clientId: string;
  /** Roots holding the person when linked: their payment method on file is updated once the link is in force. */
  readonly roots: readonly RootAgency[];
}

/** A link as stored. */
export interface StoredLink extends LinkDraft {
  readonly id: string;
  readonly status: LinkStatusValue;
  readonly effectiveFrom: Date | null;
  readonly createdAt: Date;
  readonly unlinkedAt: Date | null;
  readonly unlinkReason: string | null;
}

/** The first answer given for an idempotency key: a link, or the refusal. */
export interface StoredAnswer {
  readonly linkId: string | null;
  readonly userErrors: readonly UserErrorRecord[];
}

/** Who asked, and with which key: idempotency keys are scoped to the caller (client_id + sub). */
export interface IdempotencyScope {
  readonly clientId: string;
  readonly subject: string;
  readonly key: string;
}

export type LinkOperation = 'link' | 'unlink';

/** A stored idempotency record: the operation and a hash of its input, to tell a replay from a reuse. */
export interface IdempotencyHit {
  readonly operation: LinkOperation;
  readonly requestHash: string;
  readonly answer: StoredAnswer;
}

/** What one push carries to its agency; fixed when the entry is written, so a retry sends the same content. */
export interface PushPayload {
  readonly citizenId: string;
  readonly method: PaymentMethod;
  readonly providerCode: string;
  readonly accountNumber: string | null;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId: string;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly linkId: string;
  readonly target: PushTarget;
  /** Sent as the agency's request / submission id, so the agency records a retried push once. */
  readonly submissionId: string;
  readonly payload: PushPayload;
  readonly attempts: number;
}

/** Masks all but the last 4 characters (contract: `accountNumberMasked`). */
export function maskAccountNumber(accountNumber: string): string {
  const keep = Math.min(4, accountNumber.length);
  return '*'.repeat(accountNumber.length - keep) + accountNumber.slice(accountNumber.length - keep);
}

/** True for the methods that pay into an account (the others are cash through the Post). */
export const isAccountMethod = (method: PaymentMethod): boolean => method === 'BANK_ACCOUNT' || method === 'E_WALLET';

/** The Post's provider code, used for both cash methods. */
export const POST_PROVIDER = 'VNPOST';
