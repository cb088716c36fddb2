import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, searchKey } from './cursor.js';

const code = (f: () => unknown) => {
  try {
    f();
    return 'no error';
  } catch (e) {
    return (e as { extensions?: { code?: unknown } }).extensions?.code;
  }
};

describe('search cursors', () => {
  it('round-trip the last citizen ID, with the overlap snapshot when there is one', () => {
    const plain = { afterCitizenId: '038050000101' };
    const counted = { afterCitizenId: '038050000101', overlap: { count: 77, searchKey: searchKey({ areaCode: '38' }, ['38']) } };
    expect([decodeCursor(encodeCursor(plain)), decodeCursor(encodeCursor(counted))]).toEqual([plain, counted]);
  });

  it('name a search by its filter and areas, whatever their order or unset fields', () => {
    expect([
      searchKey({ areaCode: '38', program: 'PENSION' }, ['38', '01']) === searchKey({ program: 'PENSION', areaCode: '38', status: null }, ['01', '38']),
      searchKey({ areaCode: '38' }, ['38']) === searchKey({ areaCode: '38' }, ['*']),
      searchKey({ areaCode: '38' }, ['38']) === searchKey({ areaCode: '40' }, ['38']),
    ]).toEqual([true, false, false]);
  });

  it('refuse what this gateway did not issue with BAD_USER_INPUT', () => {
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    expect([
      code(() => decodeCursor('not a cursor')),
      code(() => decodeCursor(forged({ v: 2, k: '038050000101' }))),
      code(() => decodeCursor(forged({ v: 1, k: '03805000010' }))),
      code(() => decodeCursor(forged({ v: 1, k: 38050000101 }))),
      decodeCursor(forged({ v: 1, k: '038050000101', o: -1, s: 'x' })),
    ]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', { afterCitizenId: '038050000101' }]);
  });
});
