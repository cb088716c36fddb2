import type { Principal } from '../../schema/index.js';

/** What every subgraph resolver receives: the verified caller and its scopes, plus the subgraph's own loaders. */
export interface BaseContext {
  readonly principal: Principal;
  readonly scopes: ReadonlySet<string>;
  readonly requestId: string;
}
