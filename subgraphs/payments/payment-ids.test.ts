import { describe, expect, it } from 'vitest';
import { compareKeys, decodeBatchId, decodeCursor, decodePaymentId, encodeBatchId, encodeCursor, encodePaymentId } from './payment-ids.js';

const list = { root: 'SOCIAL_INSURANCE', period: '2026-10', communeCode: '16216', program: 'PENSION', listId: 'DS-2026-10-HT-16216-VNPOST' } as const;

describe('public IDs and cursors', () => {
  it('round-trip a batch and a payment, and do not mistake one for the other', () => {
    const batchId = encodeBatchId(list);
    const paymentId = encodePaymentId({ ...list, paymentId: 'P-2026-10-HT-38-0000001' });
    expect(decodeBatchId(batchId)).toEqual(list);
    expect(decodePaymentId(paymentId)).toEqual({ ...list, paymentId: 'P-2026-10-HT-38-0000001' });
    expect([decodeBatchId(paymentId), decodePaymentId(batchId)]).toEqual([null, null]);
  });

  it('read as unknown anything they did not issue', () => {
    for (const id of ['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"v":2,"t":"B"}').toString('base64url')]) {
      expect([decodeBatchId(id), decodePaymentId(id)]).toEqual([null, null]);
    }
  });

  it('keep the format the treasury subgraph reads (base64url JSON with the list ID under "l")', () => {
    expect(JSON.parse(Buffer.from(encodeBatchId(list), 'base64url').toString('utf8'))).toEqual({
      v: 1,
      t: 'B',
      r: 'S',
      p: '2026-10',
      a: '16216',
      g: 'PENSION',
      l: 'DS-2026-10-HT-16216-VNPOST',
    });
  });

  it('round-trip cursors and refuse foreign ones with BAD_USER_INPUT', () => {
    expect(decodeCursor(encodeCursor(['16216', 'PENSION', 'L1', 'P1']))).toEqual(['16216', 'PENSION', 'L1', 'P1']);
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });

  it('order keys element by element', () => {
    expect([compareKeys(['a', 'b'], ['a', 'c']), compareKeys(['b'], ['a', 'z']), compareKeys(['a'], ['a', 'b']), compareKeys(['a'], ['a'])]).toEqual([-1, 1, -1, 0]);
  });
});
