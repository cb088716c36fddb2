import type { CryptoKey, KeyObject } from 'jose';
import { mintInternalCredential, type Principal } from '../schema/index.js';
import type { ExecutionCapture } from './audit/audit-capture.plugin.js';
import type { Caller } from './auth/index.js';
import type { ExecutorContext } from './executor.js';

/** Everything a gateway resolver and the subgraph executors see for one request. */
export interface GatewayContext extends ExecutorContext {
  readonly caller: Caller;
  readonly principal: Principal;
  /** What the operation did, filled in by Apollo plugins for its audit entry. */
  readonly capture: ExecutionCapture;
}

/** Builds the per-request context; internal credentials are minted lazily, once per subgraph. */
export function createGatewayContext(
  caller: Caller,
  requestId: string,
  key: CryptoKey | KeyObject,
  clock: () => Date,
  operationTimeoutMs: number,
): GatewayContext {
  // Wall-clock budget of the whole operation: late sources degrade to SOURCE_UNAVAILABLE instead of holding it.
  const deadline = Date.now() + operationTimeoutMs;
  const principal: Principal = Object.freeze({
    subject: caller.subject,
    clientId: caller.clientId,
    scopes: Object.freeze([...caller.scopes]),
    areas: caller.areas,
    requestId,
  });
  const minted = new Map<string, Promise<string>>();
  return {
    caller,
    principal,
    requestId,
    capture: {},
    deadline,
    credentialFor(subgraph) {
      let token = minted.get(subgraph);
      if (!token) {
        token = mintInternalCredential(key, principal, subgraph, clock());
        minted.set(subgraph, token);
      }
      return token;
    },
  };
}
