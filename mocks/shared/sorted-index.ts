/** Anything a registry orders by citizen ID. */
export interface Keyed {
  readonly citizenId: string;
}

/** The items ordered by citizen ID: the same array when it already is (the generator sorts), else a sorted copy. */
export function sortedByCitizenId<T extends Keyed>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if ((items[i - 1] as T).citizenId > (items[i] as T).citizenId) {
      return [...items].sort((a, b) => (a.citizenId < b.citizenId ? -1 : a.citizenId > b.citizenId ? 1 : 0));
    }
  }
  return items;
}

/** Index of the first item whose citizen ID is strictly greater than `after` (binary search). */
export function firstAfter<T extends Keyed>(items: readonly T[], after: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as T).citizenId <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which area lists a search reads, given its `areaCode` and the caller's `visibleAreas` (a province covers its
 * communes; '*' is everything). 'ALL' means no area restriction; the lists returned never overlap.
 */
export function resolveAreaScope(
  areaCode: string | undefined,
  visibleAreas: readonly string[] | undefined,
  provinceOf: (communeCode: string) => string | undefined,
): readonly string[] | 'ALL' {
  const unrestricted = visibleAreas === undefined || visibleAreas.includes('*');
  if (unrestricted) return areaCode === undefined ? 'ALL' : [areaCode];
  const visible = new Set(visibleAreas);
  const visibleProvinces = new Set([...visible].filter((a) => a.length === 2));
  if (areaCode !== undefined) {
    if (areaCode.length === 2) {
      if (visibleProvinces.has(areaCode)) return [areaCode];
      return [...visible].filter((a) => a.length === 5 && provinceOf(a) === areaCode);
    }
    const province = provinceOf(areaCode);
    return visible.has(areaCode) || (province !== undefined && visibleProvinces.has(province)) ? [areaCode] : [];
  }
  return [...visible].filter((a) => {
    if (a.length === 2) return true;
    const province = provinceOf(a);
    return province === undefined || !visibleProvinces.has(province);
  });
}

/** Per-area lists ordered by citizen ID, built once: one per province, one per commune, one of everything. */
export class AreaIndex<T extends Keyed> {
  private readonly byArea = new Map<string, T[]>();
  private readonly provinceByCommune = new Map<string, string>();

  constructor(
    readonly all: readonly T[],
    areaOf: (item: T) => { readonly communeCode: string; readonly provinceCode: string },
  ) {
    const push = (key: string, item: T) => {
      const list = this.byArea.get(key);
      if (list) list.push(item);
      else this.byArea.set(key, [item]);
    };
    // `all` is sorted, so every list built by appending in order is sorted too.
    for (const item of all) {
      const { communeCode, provinceCode } = areaOf(item);
      push(communeCode, item);
      push(provinceCode, item);
      this.provinceByCommune.set(communeCode, provinceCode);
    }
  }

  /** The items of a province or commune, ordered by citizen ID. */
  of(area: string): readonly T[] {
    return this.byArea.get(area) ?? [];
  }

  /** The province of a commune this index holds people in. */
  provinceOf(communeCode: string): string | undefined {
    return this.provinceByCommune.get(communeCode);
  }
}

/**
 * Filtered lists, kept so a repeated search (the next page, the same filter) costs a binary search and the page,
 * not a scan. Bounded, least recently used first out.
 */
export class FilteredListCache<T> {
  private readonly entries = new Map<string, readonly T[]>();

  constructor(private readonly capacity = 64) {}

  get(key: string, build: () => readonly T[]): readonly T[] {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const built = build();
    this.entries.set(key, built);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return built;
  }

  /** Drops the entries whose key satisfies `stale` (after a write changed what they hold). */
  invalidate(stale: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (stale(key)) this.entries.delete(key);
  }
}

/** One page from disjoint lists ordered by citizen ID, merged: binary search to the cursor, then `limit` items. */
export function mergePage<T extends Keyed>(lists: readonly (readonly T[])[], after: string | undefined, limit: number): T[] {
  const pos = lists.map((l) => (after === undefined ? 0 : firstAfter(l, after)));
  const page: T[] = [];
  while (page.length < limit) {
    let best = -1;
    let bestId = '';
    for (let i = 0; i < lists.length; i++) {
      const item = (lists[i] as readonly T[])[pos[i] as number];
      if (item !== undefined && (best < 0 || item.citizenId < bestId)) {
        best = i;
        bestId = item.citizenId;
      }
    }
    if (best < 0) break;
    page.push((lists[best] as readonly T[])[pos[best] as number] as T);
    pos[best] = (pos[best] as number) + 1;
  }
  return page;
}

export interface AreaSearch<T> {
  readonly areaCode?: string;
  readonly visibleAreas?: readonly string[];
  /** Names the filter for the cache; equal keys must mean equal `match`. */
  readonly filterKey: string;
  /** Null when nothing but the area restricts the search. */
  readonly match: ((item: T) => boolean) | null;
  readonly afterCitizenId?: string;
  readonly limit: number;
}

/** A keyset page and the count of the whole search (cursor ignored), from per-area lists and cached filtered lists. */
export function searchByArea<T extends Keyed>(
  index: AreaIndex<T>,
  cache: FilteredListCache<T>,
  search: AreaSearch<T>,
): { readonly items: T[]; readonly totalCount: number } {
  const scope = resolveAreaScope(search.areaCode, search.visibleAreas, (c) => index.provinceOf(c));
  const areas = scope === 'ALL' ? ['*'] : scope;
  const lists = areas.map((area) => {
    const base = area === '*' ? index.all : index.of(area);
    const match = search.match;
    if (match === null) return base;
    return cache.get(`${area}|${search.filterKey}`, () => base.filter(match));
  });
  let totalCount = 0;
  for (const l of lists) totalCount += l.length;
  return { items: mergePage(lists, search.afterCitizenId, search.limit), totalCount };
}

/** The terms both root agencies search on, besides area and cursor. */
export interface BeneficiaryTerms {
  readonly program?: string | undefined;
  readonly status?: string | undefined;
  readonly paymentMethod?: string | undefined;
  readonly areaCode?: string | undefined;
  readonly visibleAreas?: readonly string[] | undefined;
  readonly afterCitizenId?: string | undefined;
  readonly limit: number;
}

/**
 * A root agency's beneficiary search (registry and BHXH search alike): method on file as it stands now, program
 * and status on one entitlement, area by commune or province; filtered lists are cached per area and terms.
 */
export function searchBeneficiaries<T extends Keyed>(
  index: AreaIndex<T>,
  cache: FilteredListCache<T>,
  q: BeneficiaryTerms,
  methodOf: (item: T) => string,
  entitlementsOf: (item: T) => readonly { readonly program: string; readonly status: string }[],
): { readonly items: T[]; readonly totalCount: number } {
  const { program, status, paymentMethod } = q;
  const hasFilter = program !== undefined || status !== undefined || paymentMethod !== undefined;
  const match = (item: T) =>
    (paymentMethod === undefined || methodOf(item) === paymentMethod) &&
    (program === undefined && status === undefined
      ? true
      : entitlementsOf(item).some((e) => (program === undefined || e.program === program) && (status === undefined || e.status === status)));
  return searchByArea(index, cache, {
    areaCode: q.areaCode,
    visibleAreas: q.visibleAreas,
    filterKey: `p=${program ?? ''};s=${status ?? ''};m=${paymentMethod ?? ''}`,
    match: hasFilter ? match : null,
    afterCitizenId: q.afterCitizenId,
    limit: q.limit,
  });
}
