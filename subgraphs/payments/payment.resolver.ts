import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from './context.js';
import { PaymentBatch } from './payment-batch.type.js';
import { PaymentConnection } from './payment-connection.type.js';
import { PaymentFilter } from './payment-filter.input.js';
import { decodeCursor, decodePaymentId } from './payment-ids.js';
import { findList, findLists, guarded, rowsOf, timelinesOf, type PaymentRow } from './payment-ledger.js';
import { PaymentProvider } from '../shared/payment-provider.type.js';
import type { PaymentTimeline } from './payment-state.js';
import { pageSize, paymentPage, sortRows, toBatch, toPayment } from './payment-views.js';
import { Payment } from './payment.type.js';

@Resolver(() => Payment)
export class PaymentResolver {
  /** One payment by its public ID; null when unknown or outside the caller's areas. */
  @Authorized()
  @Query(() => Payment, { nullable: true })
  async payment(@Arg('id', () => ID) id: string, @Ctx() ctx: PaymentsContext): Promise<Payment | null> {
    const loc = decodePaymentId(id);
    if (!loc) return null;
    const ref = await findList(ctx, loc);
    const item = ref?.list.items.find((i) => i.paymentId === loc.paymentId);
    if (!ref || !item) return null;
    const row: PaymentRow = { ...ref, item };
    const [t] = await timelinesOf(ctx, [row]);
    return toPayment(row, t!);
  }

  /**
   * A month's payments in the caller's areas (a province covers its communes), in a fixed order with keyset
   * cursors. A status filter needs every row's status first: one batched treasury and payer call for all rows.
   */
  @Authorized()
  @Query(() => PaymentConnection, { nullable: true, description: 'first is at most 500.' })
  async payments(
    @Arg('filter', () => PaymentFilter) filter: PaymentFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentConnection> {
    const size = pageSize(first);
    if (after) decodeCursor(after);
    const lists = await findLists(ctx, filter);
    let rows = sortRows(rowsOf(lists).filter((r) => !filter.method || r.item.method === filter.method));
    let known: Map<PaymentRow, PaymentTimeline> | undefined;
    if (filter.status) {
      const all = await timelinesOf(ctx, rows);
      known = new Map();
      const kept: PaymentRow[] = [];
      rows.forEach((r, i) => {
        if (all[i]!.status !== filter.status) return;
        kept.push(r);
        known!.set(r, all[i]!);
      });
      rows = kept;
    }
    return paymentPage(ctx, rows, size, after, known);
  }

  @FieldResolver(() => PaymentProvider, { nullable: true })
  async provider(@Root() p: Payment, @Ctx() ctx: PaymentsContext): Promise<PaymentProvider | null> {
    const record = await guarded(ctx.reference.provider(p.row.item.providerCode), 'BANK');
    return record ? PaymentProvider.from(record) : null;
  }

  /** The list the payment is on; already loaded with the payment, so no I/O. */
  @FieldResolver(() => PaymentBatch, { nullable: true })
  batch(@Root() p: Payment): PaymentBatch {
    return toBatch(p.row);
  }
}
