export { openAuditStore, AUDIT_MAX_PAGE_SIZE, type AuditStore, type AuditStoreOptions } from './audit.store.js';
export {
  AUDIT_OPERATION_TYPES,
  AUDIT_OUTCOMES,
  GENESIS_HASH,
  type AuditChainStatus,
  type AuditEntry,
  type AuditEvent,
  type AuditEventEdge,
  type AuditEventPage,
  type AuditFilter,
  type AuditOperationType,
  type AuditOutcome,
} from './audit-event.js';
export { AUDIT_HASH_VERSION, canonicalAuditContent, chainHash, type HashedAuditContent } from './audit-hash.js';
export { AuditStoreError, isAuditStoreError, type AuditStoreErrorCode } from './audit.errors.js';
export { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
export { auditEntities } from './audit.entities.js';
export { auditMigrations } from './migrations/index.js';
export { auditOutcome, type AnsweredOperation } from './audit-outcome.js';
export { auditedCitizenIds, type AuditedOperation } from './audited-citizens.js';
export { auditCapturePlugin, type ExecutionCapture } from './audit-capture.plugin.js';
