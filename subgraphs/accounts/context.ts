import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/context.js';
import type { StoredLink } from './link-records.js';
import type { LinkService } from './link.service.js';
import type { AccountStore } from './store/account.store.js';

export interface AccountsContext extends BaseContext {
  readonly service: LinkService;
  readonly store: AccountStore;
  readonly loaders: {
    /** Every link of a beneficiary, newest first; one query per tick for all beneficiaries asked. */
    readonly links: DataLoader<string, StoredLink[]>;
  };
}

/** Loaders live for one request, so nothing personal outlives it. */
export function createAccountsContext(base: BaseContext, store: AccountStore, service: LinkService, maxBatchSize: number): AccountsContext {
  return {
    ...base,
    service,
    store,
    loaders: {
      links: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await store.linksOf(ids);
          return ids.map((id) => found.get(id) ?? []);
        },
        { maxBatchSize },
      ),
    },
  };
}
