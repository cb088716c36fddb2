import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isAgencyError } from '../../adapters/shared/index.js';
import { mapAgencyError } from '../shared/errors.js';
import { listIdOf } from './batch-id.js';
import type { TreasuryContext } from './context.js';
import { PaymentBatch } from './payment-batch.type.js';
import { TreasuryOrder } from './treasury-order.type.js';

@Resolver(() => PaymentBatch)
export class TreasuryOrderResolver {
  /** Reached only through batches the payments subgraph returned, after it applied the caller's areas. */
  @Authorized()
  @FieldResolver(() => TreasuryOrder, { nullable: true })
  async treasuryOrder(@Root() batch: PaymentBatch, @Ctx() ctx: TreasuryContext): Promise<TreasuryOrder | null> {
    const listId = listIdOf(batch.id);
    if (listId === null) return null;
    try {
      const order = await ctx.loaders.order.load(listId);
      return order ? TreasuryOrder.from(order) : null;
    } catch (e) {
      throw isAgencyError(e) ? mapAgencyError(e, 'TREASURY') : e;
    }
  }
}
