/** The closed set of ways the audit store refuses or fails. */
export type AuditStoreErrorCode =
  | 'INVALID_ENTRY'
  | 'INVALID_FILTER'
  | 'INVALID_CURSOR'
  | 'INVALID_PAGE_SIZE'
  | 'CHAIN_HEAD_MISSING'
  | 'CHAIN_CONFLICT'
  | 'CLOSED';

/** Every error the audit store throws on purpose: a code, and the original as `cause` when there is one. */
export class AuditStoreError extends Error {
  override readonly name = 'AuditStoreError';
  constructor(
    readonly code: AuditStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** True for an error the audit store threw on purpose. */
export const isAuditStoreError = (e: unknown): e is AuditStoreError => e instanceof AuditStoreError;
