import DataLoader from 'dataloader';
import type { InsuredPerson, PensionAdapter } from '../../adapters/pension/index.js';
import type { BaseContext } from '../shared/context.js';

export interface PensionContext extends BaseContext {
  readonly adapter: PensionAdapter;
  readonly loaders: {
    /** BHXH's file by citizen ID (null when BHXH does not pay them); one batched agency call per tick. */
    readonly insured: DataLoader<string, InsuredPerson | null>;
  };
}

/** Loaders live for one request, so nothing personal outlives it. */
export function createPensionContext(base: BaseContext, adapter: PensionAdapter, maxBatchSize: number): PensionContext {
  const ctx = { correlationId: base.requestId };
  return {
    ...base,
    adapter,
    loaders: {
      insured: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await adapter.getByCitizenIds(ids, ctx);
          return ids.map((id) => found.get(id) ?? null);
        },
        { maxBatchSize },
      ),
    },
  };
}
