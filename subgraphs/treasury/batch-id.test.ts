import { describe, expect, it } from 'vitest';
import { listIdOf } from './batch-id.js';

const id = (wire: unknown) => Buffer.from(JSON.stringify(wire)).toString('base64url');

describe('batch IDs issued by the payments subgraph', () => {
  it('give the list ID the treasury keys its orders by', () => {
    expect(listIdOf(id({ v: 1, t: 'B', r: 'L', p: '2026-10', a: '16216', g: 'SOCIAL_ASSISTANCE', l: 'DS-2026-10-TGXH-16216-970415' }))).toBe(
      'DS-2026-10-TGXH-16216-970415',
    );
  });

  it.each([['payment ID', id({ v: 1, t: 'P', l: 'X', i: 'Y' })], ['other version', id({ v: 2, t: 'B', l: 'X' })], ['not JSON', 'abc'], ['empty', '']])(
    'give null for a %s',
    (_, value) => {
      expect(listIdOf(value)).toBeNull();
    },
  );
});
