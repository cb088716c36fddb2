import type { LaborAdapter } from '../../adapters/labor/index.js';
import type { PayerAdapter } from '../../adapters/payer/index.js';
import type { PensionAdapter } from '../../adapters/pension/index.js';
import type { PopulationAdapter } from '../../adapters/population/index.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { namesMatch } from '../../schema/index.js';
import { createLogger, describeError, type Logger } from '../../schema/logger.js';
import { isAccountMethod, type LinkCheckRecord, type OutboxEntry, type StoredLink } from './link-records.js';
import { replaceCheck, type AccountStore } from './store/account.store.js';

export interface OutboxSettings {
  /** Time between two runs of the loop. */
  readonly pollMs: number;
  /** First retry delay after a failed push or re-check; doubles per attempt up to `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Pushes and re-checks per run. */
  readonly batchSize: number;
}

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = Object.freeze({ pollMs: 1000, retryBaseMs: 1000, retryMaxMs: 300_000, batchSize: 50 });

export interface OutboxWorkerDeps {
  readonly store: AccountStore;
  readonly population: PopulationAdapter;
  readonly labor: LaborAdapter;
  readonly pension: PensionAdapter;
  readonly payer: PayerAdapter;
  readonly clock: () => Date;
  readonly settings: OutboxSettings;
  readonly logger?: Logger;
  /** Extra work each run does first (the initial import until it has succeeded). */
  readonly beforeRun?: () => Promise<void>;
}

export interface RunReport {
  readonly activationsRequested: number;
  readonly rejected: number;
  readonly pushed: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * The subgraph's background work: COOLING_OFF links whose effectiveFrom has come are re-checked and handed to the
 * outbox; outbox entries are pushed to their agency (population database, registry, social insurance) and retried
 * with exponential backoff until the agency answers. Entries live in the database, so a restart resumes them, and
 * each carries a fixed submission id the agency deduplicates on, so a push is never applied twice.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunReport> | undefined;
  private stopped = true;
  private readonly logger: Logger;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.logger = deps.logger ?? createLogger('accounts-outbox', 'silent');
  }

  /** Runs the loop every `pollMs` until `stop`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.runOnce()
        .catch((e: unknown) => this.logger.error('outbox run failed', describeError(e)))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.deps.settings.pollMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops the loop and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run (tests call it directly with an injected clock); a run already in progress is joined, not doubled. */
  runOnce(): Promise<RunReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<RunReport> {
    await this.deps.beforeRun?.();
    const report = { activationsRequested: 0, rejected: 0, pushed: 0, retried: 0, failed: 0 };
    const { store, clock, settings } = this.deps;
    for (const link of await store.dueActivations(clock(), settings.batchSize)) await this.recheck(link, report);
    for (const entry of await store.dueOutbox(clock(), settings.batchSize)) await this.push(entry, report);
    return report;
  }

  private backoff(attempts: number): Date {
    const { retryBaseMs, retryMaxMs } = this.deps.settings;
    return new Date(this.deps.clock().getTime() + Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts, 30)));
  }

  /** At effectiveFrom the account is checked again (it may have closed meanwhile) before the swap is asked for. */
  private async recheck(link: StoredLink, report: { activationsRequested: number; rejected: number }): Promise<void> {
    const { store, payer, clock } = this.deps;
    let checks: LinkCheckRecord[] = [...link.checks];
    if (isAccountMethod(link.method) && link.accountNumber !== null) {
      let inquiry;
      try {
        inquiry = await payer.inquireAccount(link.provider.code, link.accountNumber);
      } catch (e) {
        // Only "no such account" decides against the change; any other failure (an outage, a payer refusing the
        // inquiry) is not the beneficiary's doing, so the re-check waits and runs again.
        if (!(isAgencyError(e) && e.agencyCode === 'INVALID_ACCOUNT_NUMBER')) {
          this.logger.warn('re-check deferred', { linkId: link.id, code: isAgencyError(e) ? e.code : 'UNKNOWN' });
          await store.deferActivation(link.id, this.backoff(1));
          return;
        }
        inquiry = null;
      }
      const open = inquiry !== null && inquiry.status === 'OPEN';
      checks = replaceCheck(checks, {
        name: 'ACCOUNT_EXISTS',
        passed: open,
        detail: open ? 'Open at effectiveFrom.' : inquiry === null ? 'Not found at effectiveFrom.' : 'Closed at effectiveFrom.',
      });
      const holderOk = open && link.accountHolderName !== null && namesMatch(inquiry!.holderName, link.accountHolderName);
      if (open) {
        checks = replaceCheck(checks, {
          name: 'ACCOUNT_HOLDER_NAME',
          passed: holderOk,
          detail: holderOk ? 'Holder unchanged at effectiveFrom.' : 'The holder changed before effectiveFrom.',
        });
      }
      if (!open || !holderOk) {
        if (await store.rejectWaiting(link.id, checks, clock())) report.rejected += 1;
        this.logger.info('waiting link rejected at re-check', { linkId: link.id });
        return;
      }
    }
    if (await store.requestActivation(link.id, checks, clock())) report.activationsRequested += 1;
  }

  private async push(entry: OutboxEntry, report: { pushed: number; retried: number; failed: number }): Promise<void> {
    const { store, clock } = this.deps;
    const p = entry.payload;
    const onFile = { method: p.method, providerCode: p.providerCode, accountNumber: p.accountNumber, recipientRole: p.recipientRole, recipientCitizenId: p.recipientCitizenId };
    const ctx = { correlationId: entry.submissionId };
    try {
      switch (entry.target) {
        case 'POPULATION': {
          const receipt = await this.deps.population.submitAccountUpdate({ ...onFile, submissionId: entry.submissionId, citizenId: p.citizenId }, ctx);
          await store.completePush(entry.seq, { accepted: receipt.status === 'ACCEPTED', reference: receipt.reference, reason: receipt.reason }, clock());
          break;
        }
        case 'LABOR_REGISTRY':
          await this.deps.labor.updatePaymentMethod({ ...onFile, requestId: entry.submissionId, citizenId: p.citizenId }, ctx);
          await store.completePush(entry.seq, { accepted: true, reference: null, reason: null }, clock());
          break;
        case 'SOCIAL_INSURANCE':
          await this.deps.pension.updatePaymentMethod({ ...onFile, requestId: entry.submissionId, citizenId: p.citizenId }, ctx);
          await store.completePush(entry.seq, { accepted: true, reference: null, reason: null }, clock());
          break;
      }
      report.pushed += 1;
    } catch (e) {
      if (isAgencyError(e) && (e.code === 'REJECTED' || e.code === 'NOT_FOUND')) {
        // The agency answered and refused the request itself: sending it again would only be refused again.
        await store.failPush(entry.seq, `${e.agency} ${e.code}${e.agencyCode ? ` ${e.agencyCode}` : ''}`, clock());
        this.logger.error('push refused by agency', { target: entry.target, linkId: entry.linkId, ...describeError(e) });
        report.failed += 1;
        return;
      }
      const reason = isAgencyError(e) ? `${e.agency} ${e.code}` : 'unexpected failure';
      if (!isAgencyError(e)) this.logger.error('push failed', { target: entry.target, linkId: entry.linkId, ...describeError(e) });
      await store.retryPush(entry.seq, reason, this.backoff(entry.attempts));
      report.retried += 1;
    }
  }
}
