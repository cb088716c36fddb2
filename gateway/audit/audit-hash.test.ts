import { describe, expect, test } from 'vitest';
import { GENESIS_HASH } from './audit-event.js';
import { canonicalAuditContent, chainHash, type HashedAuditContent } from './audit-hash.js';

const content: HashedAuditContent = {
  sequence: 1,
  at: new Date('2026-11-05T08:30:00+07:00'),
  subject: 'officer-1',
  clientId: 'commune-portal',
  operationName: 'Lookup',
  operationType: 'query',
  fields: ['Query.beneficiary', 'Query.payments'],
  citizenIds: ['079190000123', '001088012345'],
  outcome: 'OK',
  requestId: 'req-1',
};

describe('audit hash', () => {
  test('the canonical document has fixed key order, UTC milliseconds and arrays in recorded order', () => {
    expect(canonicalAuditContent(content)).toBe(
      '{"v":"asxh-audit/1","sequence":1,"at":"2026-11-05T01:30:00.000Z","subject":"officer-1","clientId":"commune-portal",' +
        '"operationName":"Lookup","operationType":"query","fields":["Query.beneficiary","Query.payments"],' +
        '"citizenIds":["079190000123","001088012345"],"outcome":"OK","requestId":"req-1"}',
    );
  });

  test('version 1 hashes are frozen: stored chains must keep verifying', () => {
    expect(chainHash(GENESIS_HASH, content)).toBe('507c9790d51b5131f28eb7ac538c20620e208ef9e25d4b6bceea5a97f9e94604');
  });

  test('the same instant hashes the same whatever offset it was written with', () => {
    expect(chainHash(GENESIS_HASH, { ...content, at: new Date('2026-11-05T01:30:00Z') })).toBe(chainHash(GENESIS_HASH, content));
  });

  test('every part of the content and the previous hash change the hash', () => {
    const base = chainHash(GENESIS_HASH, content);
    const variants: HashedAuditContent[] = [
      { ...content, sequence: 2 },
      { ...content, at: new Date(content.at.getTime() + 1) },
      { ...content, subject: 'officer-2' },
      { ...content, clientId: 'other' },
      { ...content, operationName: null },
      { ...content, operationType: 'mutation' },
      { ...content, fields: [...content.fields].reverse() },
      { ...content, citizenIds: [...content.citizenIds].reverse() },
      { ...content, outcome: 'DENIED' },
      { ...content, requestId: 'req-2' },
    ];
    const hashes = new Set([base, ...variants.map((v) => chainHash(GENESIS_HASH, v)), chainHash('f'.repeat(64), content)]);
    expect(hashes.size).toBe(variants.length + 2);
  });
});
