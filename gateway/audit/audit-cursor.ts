import { AuditStoreError } from './audit.errors.js';

/** Opaque cursor of the event at `sequence`: base64url of its decimal digits. */
export const encodeAuditCursor = (sequence: number): string => Buffer.from(String(sequence), 'utf8').toString('base64url');

/** The sequence inside a cursor from `encodeAuditCursor`; INVALID_CURSOR for anything else. */
export function decodeAuditCursor(cursor: string): number {
  const digits = Buffer.from(cursor, 'base64url').toString('utf8');
  const sequence = /^[1-9][0-9]{0,14}$/.test(digits) ? Number(digits) : NaN;
  // Re-encoding rejects the many spellings base64 decoding tolerates (padding, stray characters).
  if (!Number.isSafeInteger(sequence) || encodeAuditCursor(sequence) !== cursor) {
    throw new AuditStoreError('INVALID_CURSOR', 'not a cursor of this list');
  }
  return sequence;
}
