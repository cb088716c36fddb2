import { describe, expect, it } from 'vitest';
import { AreaIndex, FilteredListCache, firstAfter, mergePage, resolveAreaScope, searchByArea, sortedByCitizenId } from './sorted-index.js';

const p = (citizenId: string, communeCode: string, provinceCode: string) => ({ citizenId, communeCode, provinceCode });
const PEOPLE = [
  p('001000000001', '00004', '01'),
  p('001000000002', '00007', '01'),
  p('038000000001', '16216', '38'),
  p('038000000002', '16216', '38'),
  p('038000000003', '16300', '38'),
  p('079000000001', '26734', '79'),
];
const provinceOf = (c: string) => PEOPLE.find((x) => x.communeCode === c)?.provinceCode;

describe('sorted-index', () => {
  it('firstAfter finds the first item past the cursor', () => {
    expect([undefined, '000000000000', '038000000001', '038000000009', '999999999999'].map((a) => (a === undefined ? 0 : firstAfter(PEOPLE, a)))).toEqual([
      0, 0, 3, 5, 6,
    ]);
  });

  it('sortedByCitizenId keeps a sorted array and sorts a copy otherwise', () => {
    expect(sortedByCitizenId(PEOPLE)).toBe(PEOPLE);
    const shuffled = [PEOPLE[3], PEOPLE[0], PEOPLE[5], PEOPLE[1], PEOPLE[4], PEOPLE[2]] as typeof PEOPLE;
    expect(sortedByCitizenId(shuffled)).toEqual(PEOPLE);
  });

  it('resolveAreaScope intersects the searched area with the visible areas', () => {
    expect(resolveAreaScope(undefined, undefined, provinceOf)).toBe('ALL');
    expect(resolveAreaScope(undefined, ['*'], provinceOf)).toBe('ALL');
    expect(resolveAreaScope('38', ['*'], provinceOf)).toEqual(['38']);
    expect(resolveAreaScope(undefined, [], provinceOf)).toEqual([]);
    expect(resolveAreaScope(undefined, ['38', '16216', '00004'], provinceOf)).toEqual(['38', '00004']);
    expect(resolveAreaScope('38', ['38'], provinceOf)).toEqual(['38']);
    expect(resolveAreaScope('38', ['16216', '00004'], provinceOf)).toEqual(['16216']);
    expect(resolveAreaScope('16216', ['38'], provinceOf)).toEqual(['16216']);
    expect(resolveAreaScope('16216', ['01'], provinceOf)).toEqual([]);
  });

  it('mergePage merges disjoint sorted lists from a cursor', () => {
    const index = new AreaIndex(PEOPLE, (x) => x);
    const lists = [index.of('79'), index.of('01'), index.of('16216')];
    expect(mergePage(lists, undefined, 3).map((x) => x.citizenId)).toEqual(['001000000001', '001000000002', '038000000001']);
    expect(mergePage(lists, '038000000001', 10).map((x) => x.citizenId)).toEqual(['038000000002', '079000000001']);
  });

  it('searchByArea counts the whole search and caches filtered lists', () => {
    const index = new AreaIndex(PEOPLE, (x) => x);
    const cache = new FilteredListCache<(typeof PEOPLE)[number]>(2);
    let calls = 0;
    const match = (x: (typeof PEOPLE)[number]) => {
      calls += 1;
      return x.citizenId.endsWith('1');
    };
    const search = { visibleAreas: ['38', '01'], filterKey: 'ends-1', match, limit: 1 };
    expect(searchByArea(index, cache, search)).toEqual({ items: [PEOPLE[0]], totalCount: 2 });
    const scanned = calls;
    expect(searchByArea(index, cache, { ...search, afterCitizenId: '001000000001' })).toEqual({ items: [PEOPLE[2]], totalCount: 2 });
    expect(calls).toBe(scanned);
    expect(searchByArea(index, cache, { areaCode: '38', filterKey: '', match: null, limit: 5 })).toEqual({
      items: [PEOPLE[2], PEOPLE[3], PEOPLE[4]],
      totalCount: 3,
    });
  });
});
