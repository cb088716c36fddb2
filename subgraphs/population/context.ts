import DataLoader from 'dataloader';
import type { PopulationAdapter, PopulationPerson } from '../../adapters/population/index.js';
import type { BaseContext } from '../shared/context.js';

export interface PopulationContext extends BaseContext {
  readonly loaders: {
    /** The database's record by citizen ID (null when unknown); one batched agency call per tick. */
    readonly citizen: DataLoader<string, PopulationPerson | null>;
  };
}

/** Loaders live for one request. */
export function createPopulationContext(base: BaseContext, adapter: PopulationAdapter, maxBatchSize: number): PopulationContext {
  const ctx = { correlationId: base.requestId };
  return {
    ...base,
    loaders: {
      citizen: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await adapter.getCitizens(ids, ctx);
          return ids.map((id) => found.get(id) ?? null);
        },
        { maxBatchSize },
      ),
    },
  };
}
