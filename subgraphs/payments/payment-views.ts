import { Program, PaymentMethod, RecipientRole } from '../shared/enums.js';
import { badUserInput } from '../shared/errors.js';
import { PaymentStatus } from './enums.js';
import { PaymentBatch } from './payment-batch.type.js';
import { PageInfo, PaymentConnection, PaymentEdge } from './payment-connection.type.js';
import { PaymentEvent } from './payment-event.type.js';
import { compareKeys, decodeBatchId, decodeCursor, encodeBatchId, encodeCursor, encodePaymentId } from './payment-ids.js';
import { listLocator, paymentLocator, rowKey, timelinesOf, type ListRef, type PaymentRow } from './payment-ledger.js';
import type { PaymentTimeline } from './payment-state.js';
import { Payment } from './payment.type.js';
import type { PaymentsContext } from './context.js';

/** Largest page of payments one call may ask for (scopes.md limits). */
export const MAX_PAYMENT_PAGE = 500;

/** The public payment of a list line and its timeline. */
export function toPayment(row: PaymentRow, t: PaymentTimeline): Payment {
  const { item, list } = row;
  return Object.assign(new Payment(), {
    id: encodePaymentId(paymentLocator(row)),
    beneficiaryCitizenId: item.citizenId,
    period: list.period,
    program: list.program as Program,
    amount: item.amount,
    method: item.method as PaymentMethod,
    recipientRole: item.recipientRole as RecipientRole,
    recipientCitizenId: item.recipientCitizenId,
    status: t.status as PaymentStatus,
    statusReason: t.statusReason,
    paidAt: t.paidAt,
    events: t.events.map(PaymentEvent.from),
    row,
  });
}

/** The public batch of a list. */
export function toBatch(ref: ListRef): PaymentBatch {
  return Object.assign(new PaymentBatch(), {
    id: encodeBatchId(listLocator(ref)),
    period: ref.list.period,
    program: ref.list.program as Program,
    area: { code: ref.list.communeCode },
    ref,
  });
}

/** A batch known only by its ID (a Federation reference): what the ID itself says, without I/O. */
export function batchReference(id: string): PaymentBatch {
  const loc = decodeBatchId(id);
  const batch = Object.assign(new PaymentBatch(), { id });
  return loc ? Object.assign(batch, { period: loc.period, program: loc.program as Program, area: { code: loc.communeCode } }) : batch;
}

/** BAD_USER_INPUT unless 0 ≤ first ≤ 500; null means the default. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAYMENT_PAGE) throw badUserInput(`first must be between 0 and ${MAX_PAYMENT_PAGE}`);
  return n;
}

/**
 * One page of payments over rows in `rowKey` order, after the cursor's key; timelines are computed for the page
 * only, unless the caller already has them (a status filter needs every row's).
 */
export async function paymentPage(
  ctx: PaymentsContext,
  rows: readonly PaymentRow[],
  first: number,
  after: string | null | undefined,
  known?: ReadonlyMap<PaymentRow, PaymentTimeline>,
): Promise<PaymentConnection> {
  const keys = rows.map(rowKey);
  let start = 0;
  if (after) {
    const cursor = decodeCursor(after);
    while (start < keys.length && compareKeys(keys[start]!, cursor) <= 0) start++;
  }
  const page = rows.slice(start, start + first);
  const timelines = known ? page.map((r) => known.get(r)!) : await timelinesOf(ctx, page);
  const edges = page.map((row, i) =>
    Object.assign(new PaymentEdge(), { cursor: encodeCursor(keys[start + i]!), node: toPayment(row, timelines[i]!) }),
  );
  return Object.assign(new PaymentConnection(), {
    edges,
    pageInfo: Object.assign(new PageInfo(), { hasNextPage: start + page.length < rows.length, endCursor: edges.at(-1)?.cursor ?? null }),
    totalCount: rows.length,
  });
}

/** Rows in page order. */
export function sortRows(rows: PaymentRow[]): PaymentRow[] {
  const keyed = rows.map((r) => ({ r, k: rowKey(r) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k));
  return keyed.map((x) => x.r);
}
