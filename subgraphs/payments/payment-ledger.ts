import type { PaymentList, PaymentListItem } from '../../adapters/shared/types.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { AGENCIES, areaAllowed, type AgencyName } from '../../schema/index.js';
import { mapAgencyError } from '../shared/errors.js';
import { listQueryKey, type PaymentsContext } from './context.js';
import { BatchStatus } from './enums.js';
import type { ListLocator, ListRoot, PaymentLocator } from './payment-ids.js';
import type { TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import { isFinal, paymentTimeline, type PaymentState, type PaymentTimeline } from './payment-state.js';

/*
 * Reading payments from the agencies: which lists a caller may see, the rows of those lists, and each row's
 * timeline from the treasury's orders and the payers' reports, all through the request's loaders so that a
 * whole area's month costs a handful of agency calls, never one per payment.
 */

/** The root agencies, both asked for every period (each may list any program). */
export const LIST_ROOTS: readonly ListRoot[] = ['LABOR_REGISTRY', 'SOCIAL_INSURANCE'];

/** A list and the root that drew it up. */
export interface ListRef {
  readonly root: ListRoot;
  readonly list: PaymentList;
}

/** One line of a list. */
export interface PaymentRow extends ListRef {
  readonly item: PaymentListItem;
}

/** Where a list lives (for its public ID). */
export const listLocator = (ref: ListRef): ListLocator => ({
  root: ref.root,
  period: ref.list.period,
  communeCode: ref.list.communeCode,
  program: ref.list.program,
  listId: ref.list.id,
});

/** Where a payment lives (for its public ID). */
export const paymentLocator = (row: PaymentRow): PaymentLocator => ({ ...listLocator(row), paymentId: row.item.paymentId });

/** The order of `payments` pages: commune, program, list, then the agency's payment ID. Holds no personal data. */
export const rowKey = (row: PaymentRow): string[] => [row.list.communeCode, row.list.program, row.list.id, row.item.paymentId];

const agencyName = (name: string, fallback: AgencyName): AgencyName =>
  (AGENCIES as readonly string[]).includes(name) ? (name as AgencyName) : fallback;

/** The GraphQL error an agency failure becomes, naming the agency that failed. */
export function toGraphQLError(e: unknown, fallback: AgencyName): unknown {
  return isAgencyError(e) ? mapAgencyError(e, agencyName(e.agency, fallback)) : e;
}

/** Awaits agency work, turning an agency failure into the one GraphQL error a client may see. */
export async function guarded<T>(work: Promise<T>, fallback: AgencyName): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw toGraphQLError(e, fallback);
  }
}

/** `loadMany` that fails as a whole on the first failed key (the loaders fail every key of a failed call alike). */
async function loadAll<V>(loader: { loadMany(keys: readonly string[]): Promise<(V | Error)[]> }, keys: readonly string[], fallback: AgencyName): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw toGraphQLError(failed, fallback);
  return values as V[];
}

/** True when the caller's areas cover the list's commune. */
export const listVisible = (ctx: PaymentsContext, list: PaymentList): boolean => areaAllowed(ctx.principal.areas, list.communeCode, list.provinceCode);

export interface ListQuery {
  readonly period: string;
  readonly areaCode?: string | null;
  readonly program?: string | null;
}

/**
 * The lists of a period the caller may see, from both roots. Without an area the caller's own areas are asked
 * (the whole country only for a nationwide caller); lists outside the caller's areas are left out as absent.
 */
export async function findLists(ctx: PaymentsContext, q: ListQuery): Promise<ListRef[]> {
  const areas = ctx.principal.areas;
  if (areas.length === 0) return [];
  let queried: string[];
  if (q.areaCode) {
    // A province the caller holds no part of: nothing to ask for.
    const disjoint = q.areaCode.length === 2 && !areas.includes('*') && !areas.includes(q.areaCode) && areas.every((a) => a.length === 2);
    if (disjoint) return [];
    queried = [q.areaCode];
  } else {
    queried = areas.includes('*') ? ['*'] : [...new Set(areas)];
  }
  const keys = LIST_ROOTS.flatMap((root) => queried.map((area) => listQueryKey({ root, period: q.period, area, program: q.program ?? '*' })));
  const answers = await loadAll<readonly PaymentList[]>(ctx.loaders.lists, keys, 'LABOR_REGISTRY');
  const seen = new Set<string>();
  const out: ListRef[] = [];
  answers.forEach((lists, i) => {
    const root = keys[i]!.split('|')[0] as ListRoot;
    for (const list of lists) {
      const id = `${root}|${list.id}`;
      if (seen.has(id) || list.period !== q.period || (q.program && list.program !== q.program) || !listVisible(ctx, list)) continue;
      seen.add(id);
      out.push({ root, list });
    }
  });
  return out;
}

/** The list a locator points at, if the caller may see it. */
export async function findList(ctx: PaymentsContext, loc: ListLocator): Promise<ListRef | null> {
  if (ctx.principal.areas.length === 0) return null;
  const key = listQueryKey({ root: loc.root, period: loc.period, area: loc.communeCode, program: loc.program });
  const lists = await guarded(ctx.loaders.lists.load(key), loc.root);
  const list = lists.find((l) => l.id === loc.listId);
  return list && listVisible(ctx, list) ? { root: loc.root, list } : null;
}

/** Every line of these lists. */
export const rowsOf = (lists: readonly ListRef[]): PaymentRow[] => lists.flatMap((ref) => ref.list.items.map((item) => ({ ...ref, item })));

/**
 * Each row's timeline, with one batched treasury call for the rows' lists and one batched call per payer for the
 * rows' payments (however many rows); a payer that is down fails only the rows it pays.
 */
export async function timelinesOf(ctx: PaymentsContext, rows: readonly PaymentRow[]): Promise<PaymentTimeline[]> {
  if (rows.length === 0) return [];
  const listIds = [...new Set(rows.map((r) => r.list.id))];
  const byPost = (post: boolean) => [...new Set(rows.filter((r) => (r.item.providerCode === 'VNPOST') === post).map((r) => r.item.paymentId))];
  const [bankIds, postIds] = [byPost(false), byPost(true)];
  const [orders, bankEvents, postEvents] = await Promise.all([
    loadAll(ctx.loaders.order, listIds, 'TREASURY'),
    loadAll(ctx.loaders.bankEvents, bankIds, 'BANK'),
    loadAll(ctx.loaders.postEvents, postIds, 'POST'),
  ]);
  const orderOf = new Map(listIds.map((id, i) => [id, orders[i] ?? null]));
  const eventsOf = new Map([...bankIds.map((id, i) => [id, bankEvents[i] ?? []] as const), ...postIds.map((id, i) => [id, postEvents[i] ?? []] as const)]);
  return rows.map((r) =>
    paymentTimeline({ list: r.list, item: r.item, listedBy: r.root, order: orderOf.get(r.list.id) ?? null, payerEvents: eventsOf.get(r.item.paymentId) ?? [] }),
  );
}

/** A list's status from its order and its lines' statuses. */
function statusOf(order: TreasuryOrderRecord | null, statuses: readonly PaymentState[]): BatchStatus {
  if (order === null || order.status !== 'TRANSFERRED') return BatchStatus.SUBMITTED;
  const active = statuses.filter((s) => s !== 'CANCELLED');
  if (active.every(isFinal)) return BatchStatus.CLOSED;
  return active.some((s) => s !== 'SCHEDULED' && s !== 'FUNDED') ? BatchStatus.DISBURSING : BatchStatus.FUNDED;
}

/**
 * Each list's status: SUBMITTED until the treasury has transferred its money, then FUNDED, DISBURSING once the
 * payer reports on a line, CLOSED when every line that was not cancelled has ended. Lists reach us approved, so
 * DRAFT never shows. All lists' lines are read in one batch.
 */
export async function batchStatuses(ctx: PaymentsContext, refs: readonly ListRef[]): Promise<BatchStatus[]> {
  const orders = await loadAll(ctx.loaders.order, refs.map((r) => r.list.id), 'TREASURY');
  const rows = rowsOf(refs.filter((_, i) => orders[i]?.status === 'TRANSFERRED'));
  const timelines = await timelinesOf(ctx, rows);
  const byList = new Map<ListRef['list'], PaymentState[]>();
  rows.forEach((r, i) => {
    const list = byList.get(r.list) ?? [];
    list.push(timelines[i]!.status);
    byList.set(r.list, list);
  });
  return refs.map((ref, i) => statusOf(orders[i] ?? null, byList.get(ref.list) ?? []));
}
