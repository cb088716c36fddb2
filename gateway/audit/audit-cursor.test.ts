import { describe, expect, test } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { AuditStoreError } from './audit.errors.js';

const codeOf = (cursor: string): unknown => {
  try {
    return decodeAuditCursor(cursor);
  } catch (e) {
    return e instanceof AuditStoreError ? e.code : e;
  }
};

describe('audit cursor', () => {
  test('is base64url of the sequence and decodes back', () => {
    expect(encodeAuditCursor(42)).toBe('NDI');
    for (const sequence of [1, 9, 10, 123_456, 2_147_483_647]) expect(decodeAuditCursor(encodeAuditCursor(sequence))).toBe(sequence);
  });

  test('anything else is INVALID_CURSOR', () => {
    for (const cursor of ['', 'MA', 'LTE', 'MDE', 'NDI=', 'N DI', 'YWJj', '!!!', 'MS41']) {
      expect(codeOf(cursor)).toBe('INVALID_CURSOR');
    }
  });
});
