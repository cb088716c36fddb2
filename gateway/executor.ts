import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { print } from 'graphql';
import { sourceUnavailableError, type AgencyName } from '../schema/index.js';

/** What the executor needs from the gateway's per-request context. */
export interface ExecutorContext {
  /** The internal credential for one subgraph (minted once per request and audience). */
  credentialFor(subgraph: string): Promise<string>;
  readonly requestId: string;
  /** Epoch ms by which the whole operation must be answered (scopes.md: 15 s by default). */
  readonly deadline?: number;
}

export interface SubgraphExecutorOptions {
  readonly name: string;
  readonly url: string;
  /** Agencies whose data is missing when this subgraph does not answer. */
  readonly sources: readonly AgencyName[];
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

const unavailable = (sources: readonly AgencyName[]): ExecutionResult => ({
  errors: sources.map(
    (source) => sourceUnavailableError(source),
  ),
});

/**
 * POSTs one (possibly batched) operation to a subgraph with the request's internal credential. A subgraph
 * that fails, is late or answers garbage yields SOURCE_UNAVAILABLE errors naming its agencies, never a throw,
 * so only the fields it owns are lost.
 */
export function createSubgraphExecutor(opts: SubgraphExecutorOptions): Executor {
  const doFetch = opts.fetch ?? fetch;
  return async (request: ExecutionRequest): Promise<ExecutionResult> => {
    const ctx = request.context as ExecutorContext | undefined;
    if (!ctx) throw new Error('subgraph executor called without a gateway context');
    // Each subgraph call gets its own timeout, but never more than what is left of the operation's budget.
    const timeoutMs = Math.min(opts.timeoutMs, ctx.deadline === undefined ? opts.timeoutMs : ctx.deadline - Date.now());
    if (timeoutMs <= 0) return unavailable(opts.sources);
    let res: Response;
    try {
      res = await doFetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${await ctx.credentialFor(opts.name)}`,
          'x-request-id': ctx.requestId,
        },
        body: JSON.stringify({ query: print(request.document), variables: request.variables, operationName: request.operationName }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return unavailable(opts.sources);
    }
    try {
      const body = (await res.json()) as ExecutionResult;
      if (!res.ok && !body.data) return unavailable(opts.sources);
      return body;
    } catch {
      return unavailable(opts.sources);
    }
  };
}
