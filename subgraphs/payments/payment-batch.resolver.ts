import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { AreaCodeScalar, PeriodScalar, VndScalar } from '../../schema/index.js';
import type { PaymentsContext } from './context.js';
import { BatchStatus, ProviderKind } from './enums.js';
import { PaymentBatch } from './payment-batch.type.js';
import { PaymentConnection } from './payment-connection.type.js';
import { compareKeys, decodeBatchId, decodeCursor } from './payment-ids.js';
import { batchStatuses, findList, findLists, guarded, rowsOf, type ListRef } from './payment-ledger.js';
import { PaymentProvider } from '../shared/payment-provider.type.js';
import { pageSize, paymentPage, sortRows, toBatch } from './payment-views.js';

/** The list behind a batch: carried by batches this subgraph built, loaded again for a bare reference. */
async function refOf(ctx: PaymentsContext, batch: PaymentBatch): Promise<ListRef> {
  if (batch.ref) return batch.ref;
  const loc = decodeBatchId(batch.id);
  const ref = loc ? await findList(ctx, loc) : null;
  if (!ref) throw new GraphQLError('Unknown payment batch', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  batch.ref = ref;
  return ref;
}

const listKey = (ref: ListRef): string[] => [ref.list.communeCode, ref.list.program, ref.list.id, ref.root];

/** True when the operation asks for `status` of the listed batches (directly, through fragments or aliases). */
function selectsStatus(info: GraphQLResolveInfo): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === 'status'
        : s.kind === Kind.INLINE_FRAGMENT
          ? visit(s.selectionSet.selections)
          : visit(info.fragments[s.name.value]?.selectionSet.selections ?? []),
    );
  return info.fieldNodes.some((n) => visit(n.selectionSet?.selections ?? []));
}

@Resolver(() => PaymentBatch)
export class PaymentBatchResolver {
  /** One list by its public ID; null when unknown or outside the caller's areas. */
  @Authorized()
  @Query(() => PaymentBatch, { nullable: true })
  async paymentBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: PaymentsContext): Promise<PaymentBatch | null> {
    const loc = decodeBatchId(id);
    const ref = loc ? await findList(ctx, loc) : null;
    return ref ? toBatch(ref) : null;
  }

  /** A month's lists in the caller's areas, optionally of one province or commune, by commune and program. */
  @Authorized()
  @Query(() => [PaymentBatch], { nullable: true })
  async paymentBatches(
    @Arg('period', () => PeriodScalar) period: string,
    @Arg('areaCode', () => AreaCodeScalar, { nullable: true }) areaCode: string | null,
    @Ctx() ctx: PaymentsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PaymentBatch[]> {
    const lists = (await findLists(ctx, { period, areaCode })).sort((a, b) => compareKeys(listKey(a), listKey(b)));
    const batches = lists.map(toBatch);
    if (selectsStatus(info)) {
      // One pass over every line of every list instead of one per batch.
      const statuses = await batchStatuses(ctx, lists);
      batches.forEach((b, i) => (b.knownStatus = statuses[i]));
    }
    return batches;
  }

  @FieldResolver(() => Int)
  async itemCount(@Root() batch: PaymentBatch, @Ctx() ctx: PaymentsContext): Promise<number> {
    return (await refOf(ctx, batch)).list.items.length;
  }

  /** Every line's amount, cancelled ones included, as `payments` lists them; the treasury order says what was funded. */
  @FieldResolver(() => VndScalar)
  async totalAmount(@Root() batch: PaymentBatch, @Ctx() ctx: PaymentsContext): Promise<number> {
    return (await refOf(ctx, batch)).list.items.reduce((sum, i) => sum + i.amount, 0);
  }

  @FieldResolver(() => BatchStatus)
  async status(@Root() batch: PaymentBatch, @Ctx() ctx: PaymentsContext): Promise<BatchStatus> {
    if (batch.knownStatus) return batch.knownStatus;
    const [status] = await batchStatuses(ctx, [await refOf(ctx, batch)]);
    return status!;
  }

  @FieldResolver(() => PaymentProvider)
  async payer(@Root() batch: PaymentBatch, @Ctx() ctx: PaymentsContext): Promise<PaymentProvider> {
    const code = (await refOf(ctx, batch)).list.payerCode;
    const record = await guarded(ctx.reference.provider(code), 'BANK');
    if (record) return PaymentProvider.from(record);
    // A payer the payers' directory does not list still paid this list: show its code rather than lose the batch.
    return Object.assign(new PaymentProvider(), { code, name: code, kind: code === 'VNPOST' ? ProviderKind.POST : ProviderKind.BANK });
  }

  @Authorized()
  @FieldResolver(() => PaymentConnection)
  async payments(
    @Root() batch: PaymentBatch,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentConnection> {
    const size = pageSize(first);
    if (after) decodeCursor(after);
    return paymentPage(ctx, sortRows(rowsOf([await refOf(ctx, batch)])), size, after);
  }
}
