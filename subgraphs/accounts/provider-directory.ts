import type { PayerAdapter, ProviderRecord } from '../../adapters/payer/index.js';

/**
 * The payer organisations (banks, e-wallets, the Post) held in memory for `ttlMs`: public reference data, not
 * personal data, so caching it across requests is safe.
 */
export class ProviderDirectory {
  private byCode: Map<string, ProviderRecord> | undefined;
  private loadedAt = 0;
  private inflight: Promise<Map<string, ProviderRecord>> | undefined;

  constructor(
    private readonly payer: PayerAdapter,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  /** The provider with this code, or null. Throws the adapter's error when the list cannot be loaded. */
  async get(code: string): Promise<ProviderRecord | null> {
    return (await this.all()).get(code) ?? null;
  }

  async all(): Promise<Map<string, ProviderRecord>> {
    if (this.byCode && this.clock().getTime() - this.loadedAt < this.ttlMs) return this.byCode;
    this.inflight ??= this.payer
      .getProviders()
      .then(
        (list) => {
          this.byCode = new Map(list.map((p) => [p.code, p]));
          this.loadedAt = this.clock().getTime();
          return this.byCode;
        },
        (error: unknown) => {
          // A stale list beats none: providers change by contract, not by the minute.
          if (this.byCode) return this.byCode;
          throw error;
        },
      )
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
