import DataLoader from 'dataloader';
import type { LaborAdapter, RegistryBeneficiary } from '../../adapters/labor/index.js';
import type { BaseContext } from '../shared/context.js';
import type { AreaDirectory } from './area-directory.js';

export interface LaborContext extends BaseContext {
  readonly adapter: LaborAdapter;
  readonly areas: AreaDirectory;
  readonly loaders: {
    /** The registry's file by citizen ID (null when not held); one batched agency call per tick. */
    readonly beneficiary: DataLoader<string, RegistryBeneficiary | null>;
  };
}

/** Loaders live for one request, so nothing personal outlives it. */
export function createLaborContext(base: BaseContext, adapter: LaborAdapter, areas: AreaDirectory, maxBatchSize: number): LaborContext {
  const ctx = { correlationId: base.requestId };
  return {
    ...base,
    adapter,
    areas,
    loaders: {
      beneficiary: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await adapter.getBeneficiaries(ids, ctx);
          return ids.map((id) => found.get(id) ?? null);
        },
        { maxBatchSize },
      ),
    },
  };
}
