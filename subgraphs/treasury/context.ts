import DataLoader from 'dataloader';
import type { TreasuryAdapter, TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import type { BaseContext } from '../shared/context.js';

export interface TreasuryContext extends BaseContext {
  readonly loaders: {
    /** The funding order by list ID (null when none); one batched agency call per tick, whatever the number of lists. */
    readonly order: DataLoader<string, TreasuryOrderRecord | null>;
  };
}

/** Loaders live for one request. */
export function createTreasuryContext(base: BaseContext, adapter: TreasuryAdapter): TreasuryContext {
  const ctx = { correlationId: base.requestId };
  return {
    ...base,
    loaders: {
      order: new DataLoader(async (ids: readonly string[]) => {
        const found = await adapter.getOrders(ids, ctx);
        return ids.map((id) => found.get(id) ?? null);
      }),
    },
  };
}
