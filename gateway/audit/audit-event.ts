/** Operation types an audit entry can record (scopes.md §Audit). */
export const AUDIT_OPERATION_TYPES = ['query', 'mutation', 'subscription', 'unknown'] as const;
export type AuditOperationType = (typeof AUDIT_OPERATION_TYPES)[number];

/** Outcomes an audit entry can record (scopes.md §Audit). */
export const AUDIT_OUTCOMES = ['OK', 'PARTIAL', 'DENIED', 'ERROR'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** `previousHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the gateway records about one operation; the store adds sequence and hashes. */
export interface AuditEntry {
  at: Date;
  subject: string;
  clientId: string;
  operationName: string | null;
  operationType: AuditOperationType;
  /** Root-field coordinates such as 'Query.beneficiary', in the order the operation touched them. */
  fields: string[];
  /** Citizen IDs returned or changed, in order. */
  citizenIds: string[];
  outcome: AuditOutcome;
  requestId: string;
}

/**
 * One stored link of the hash chain. `at` is always UTC with millisecond precision and a `Z` offset
 * ('2026-11-05T01:30:00.000Z'), exactly the string that was hashed, so a client can recompute `hash`
 * from what it reads.
 */
export interface AuditEvent {
  sequence: number;
  at: string;
  subject: string;
  clientId: string;
  operationName: string | null;
  operationType: AuditOperationType;
  fields: string[];
  citizenIds: string[];
  outcome: AuditOutcome;
  hash: string;
  previousHash: string;
  requestId: string;
}

/** Narrows `list`; every given criterion must hold. `from` is inclusive and `to` exclusive, so ranges tile. */
export interface AuditFilter {
  subject?: string | undefined;
  /** Exact match against any of an event's citizen IDs. */
  citizenId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface AuditEventEdge {
  cursor: string;
  node: AuditEvent;
}

/** One page of `list`, newest first, shaped like the contract's AuditEventConnection. */
export interface AuditEventPage {
  edges: AuditEventEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Events matching the filter, on every page alike. */
  totalCount: number;
}

/** Result of re-checking the whole chain, shaped like the contract's AuditChainStatus. */
export interface AuditChainStatus {
  /** Events appended so far, per the head counter (which a deleted tail does not shorten). */
  length: number;
  /** Hash of the last appended event per the head counter; GENESIS_HASH for an empty chain. */
  headHash: string;
  intact: boolean;
  /** First position in 1..length whose event is missing, altered or mislinked; null when intact. */
  firstBrokenSequence: number | null;
}
