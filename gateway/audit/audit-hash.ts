import { createHash } from 'node:crypto';
import type { AuditOperationType, AuditOutcome } from './audit-event.js';

/** Tag inside every hashed document, so a future layout can be told apart from this one. */
export const AUDIT_HASH_VERSION = 'asxh-audit/1';

/** Everything about an event that its hash covers. */
export interface HashedAuditContent {
  sequence: number;
  at: Date;
  subject: string;
  clientId: string;
  operationName: string | null;
  operationType: AuditOperationType;
  fields: readonly string[];
  citizenIds: readonly string[];
  outcome: AuditOutcome;
  requestId: string;
}

/**
 * The canonical document of an event (version 1): JSON with keys in exactly this order, `at` as UTC ISO with
 * milliseconds, arrays in their recorded order. The sequence is inside, so renumbering rows breaks hashes too.
 */
export function canonicalAuditContent(content: HashedAuditContent): string {
  return JSON.stringify({
    v: AUDIT_HASH_VERSION,
    sequence: content.sequence,
    at: content.at.toISOString(),
    subject: content.subject,
    clientId: content.clientId,
    operationName: content.operationName,
    operationType: content.operationType,
    fields: [...content.fields],
    citizenIds: [...content.citizenIds],
    outcome: content.outcome,
    requestId: content.requestId,
  });
}

/** Hex SHA-256 of the previous event's hash followed by this event's canonical document. */
export function chainHash(previousHash: string, content: HashedAuditContent): string {
  return createHash('sha256').update(previousHash, 'utf8').update(canonicalAuditContent(content), 'utf8').digest('hex');
}
