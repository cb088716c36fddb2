import { areaAllowed, type Principal } from '../../schema/index.js';
import { sourceUnavailable } from '../shared/errors.js';
import { type Logger } from '../../schema/logger.js';
import {
  checkIdempotencyKey,
  requestHash,
  userError,
  validateLinkInput,
  validateUnlinkInput,
  type LinkInputValues,
  type UnlinkInputValues,
} from './link-input.js';
import type { IdempotencyHit, IdempotencyScope, LinkOperation, StoredLink, UserErrorRecord } from './link-records.js';
import { verifyLink, type VerifierDeps } from './link-verifier.js';
import type { AccountStore } from './store/account.store.js';

/** What both mutations answer (the contract's payloads). */
export interface LinkAnswer {
  readonly link: StoredLink | null;
  readonly userErrors: readonly UserErrorRecord[];
  readonly replayed: boolean;
}

export interface LinkServiceDeps extends VerifierDeps {
  readonly store: AccountStore;
  /** Delay before a replacing link takes effect (anti-fraud cooling-off). */
  readonly coolingOffMs: number;
  readonly logger?: Logger;
}

const reused = (): LinkAnswer => ({
  link: null,
  userErrors: [userError('IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey'], 'This idempotency key was used for another request.')],
  replayed: false,
});

/**
 * Linking and unlinking with idempotency: a key and its caller (client_id + sub) identify the first answer, which a
 * retry with the same input gets back (`replayed`), refusals included. Calls with one key in flight in this process
 * share one execution; across processes the idempotency table's primary key decides.
 */
export class LinkService {
  private readonly inflight = new Map<string, Promise<{ answer: LinkAnswer; stored: boolean }>>();

  constructor(private readonly deps: LinkServiceDeps) {}

  /** `linkPaymentAccount`. Throws SOURCE_UNAVAILABLE (GraphQL) when a root or the population database is down. */
  link(principal: Principal, input: LinkInputValues, correlationId: string): Promise<LinkAnswer> {
    const keyError = checkIdempotencyKey(input.idempotencyKey);
    // A key that is not a key cannot hold an answer.
    if (keyError) return Promise.resolve({ link: null, userErrors: [keyError], replayed: false });
    return this.once(principal, input.idempotencyKey, requestHash('link', input), () => this.linkOnce(principal, input, correlationId));
  }

  /** `unlinkPaymentAccount`. */
  unlink(principal: Principal, input: UnlinkInputValues): Promise<LinkAnswer> {
    const keyError = checkIdempotencyKey(input.idempotencyKey);
    if (keyError) return Promise.resolve({ link: null, userErrors: [keyError], replayed: false });
    return this.once(principal, input.idempotencyKey, requestHash('unlink', input), () => this.unlinkOnce(principal, input));
  }

  private async linkOnce(principal: Principal, input: LinkInputValues, correlationId: string): Promise<LinkAnswer> {
    const { store, clock } = this.deps;
    const scope = scopeOf(principal, input.idempotencyKey);
    const hash = requestHash('link', input);
    const earlier = await store.findAnswer(scope);
    if (earlier) return this.replay(earlier, 'link', hash);

    const valid = validateLinkInput(input);
    if (!valid.ok) return this.refuse(scope, 'link', hash, valid.error);
    // Until the accounts on file are imported, a person's account in force is unknown here: a new link could skip
    // the cooling-off that protects it. The import retries in the background; the caller may retry with this key.
    if (!(await store.isImported())) throw sourceUnavailable('ACCOUNT_REGISTRY');
    const verdict = await verifyLink(this.deps, valid.request, principal.areas, correlationId);
    if (!verdict.ok) {
      // A payer that did not answer is not the request's fault: the same key may be retried for a real answer.
      if (verdict.transient) return { link: null, userErrors: [verdict.error], replayed: false };
      return this.refuse(scope, 'link', hash, verdict.error);
    }
    const created = await store.createLink(
      scope,
      hash,
      { ...verdict.draft, createdBy: principal.subject, clientId: principal.clientId },
      clock(),
      this.deps.coolingOffMs,
    );
    if ('existing' in created) return this.replay(created.existing, 'link', hash);
    this.deps.logger?.info('payment account linked', { linkId: created.link.id, status: created.link.status, method: created.link.method });
    return { link: created.link, userErrors: [], replayed: false };
  }

  private async unlinkOnce(principal: Principal, input: UnlinkInputValues): Promise<LinkAnswer> {
    const { store, clock } = this.deps;
    const scope = scopeOf(principal, input.idempotencyKey);
    const hash = requestHash('unlink', input);
    const earlier = await store.findAnswer(scope);
    if (earlier) return this.replay(earlier, 'unlink', hash);
    const invalid = validateUnlinkInput(input);
    if (invalid) return this.refuse(scope, 'unlink', hash, invalid);
    const canSee = (link: StoredLink) => areaAllowed(principal.areas, link.communeCode, link.provinceCode);
    const done = await store.unlink(scope, hash, input.linkId, input.reason.trim(), canSee, clock());
    if ('existing' in done) return this.replay(done.existing, 'unlink', hash);
    if (done.link) this.deps.logger?.info('payment account unlinked', { linkId: done.link.id });
    return { link: done.link, userErrors: done.errors, replayed: false };
  }

  /** Stores a refusal as the key's first answer (running.md: it writes nothing else). */
  private async refuse(scope: IdempotencyScope, operation: LinkOperation, hash: string, error: UserErrorRecord): Promise<LinkAnswer> {
    const earlier = await this.deps.store.recordRefusal(scope, operation, hash, [error], this.deps.clock());
    if (earlier) return this.replay(earlier, operation, hash);
    return { link: null, userErrors: [error], replayed: false };
  }

  /** The stored answer for the same input, with the link as it stands now; another input with this key is refused. */
  private async replay(hit: IdempotencyHit, operation: LinkOperation, hash: string): Promise<LinkAnswer> {
    if (hit.operation !== operation || hit.requestHash !== hash) return reused();
    const link = hit.answer.linkId === null ? null : await this.deps.store.linkById(hit.answer.linkId);
    return { link, userErrors: hit.answer.userErrors, replayed: true };
  }

  /** Runs `run` unless a call with this caller, key and input is in flight here; joiners share its answer. */
  private once(principal: Principal, key: string, hash: string, run: () => Promise<LinkAnswer>): Promise<LinkAnswer> {
    const id = JSON.stringify([principal.clientId, principal.subject, key, hash]);
    const running = this.inflight.get(id);
    // Joiners get a stored answer as a replay, as they would a moment later from the store.
    if (running) return running.then(({ answer, stored }) => (stored ? { ...answer, replayed: true } : answer));
    const started = run().then((answer) => ({ answer, stored: isStored(answer) }));
    const tracked = started.finally(() => this.inflight.delete(id));
    this.inflight.set(id, tracked);
    return tracked.then(({ answer }) => answer);
  }
}

/** True unless the answer is a transient refusal or a refused reuse, which are not the key's stored answer. */
const isStored = (answer: LinkAnswer): boolean =>
  !answer.userErrors.some((e) => e.code === 'PROVIDER_UNAVAILABLE' || e.code === 'IDEMPOTENCY_KEY_REUSED');

const scopeOf = (principal: Principal, key: string): IdempotencyScope => ({ clientId: principal.clientId, subject: principal.subject, key });
