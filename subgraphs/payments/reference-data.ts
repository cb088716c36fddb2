import type { LaborAdapter } from '../../adapters/labor/index.js';
import type { PayerAdapter, ProviderRecord } from '../../adapters/payer/index.js';
import type { AreaRecord } from '../../adapters/shared/types.js';

/**
 * A value loaded once and kept for `ttlMs`. Only for public reference data (administrative units, payer
 * organisations), which changes by decree or contract; nothing personal is kept across requests.
 */
export class TtlCache<T> {
  private value: T | undefined;
  private loadedAt = 0;
  private inflight: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  /** The value, loading it when missing or stale; a failed load is not kept, so the next call retries. */
  async get(): Promise<T> {
    if (this.value !== undefined && this.clock().getTime() - this.loadedAt < this.ttlMs) return this.value;
    this.inflight ??= this.load()
      .then((v) => {
        this.value = v;
        this.loadedAt = this.clock().getTime();
        return v;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}

/** Administrative units and payer organisations, shared by every request of one subgraph process. */
export class ReferenceData {
  private readonly areas: TtlCache<ReadonlyMap<string, AreaRecord>>;
  private readonly providers: TtlCache<ReadonlyMap<string, ProviderRecord>>;

  constructor(labor: LaborAdapter, payer: PayerAdapter, ttlMs: number, clock: () => Date) {
    this.areas = new TtlCache(async () => new Map((await labor.getAreas()).map((a) => [a.code, a])), ttlMs, clock);
    this.providers = new TtlCache(async () => new Map((await payer.getProviders()).map((p) => [p.code, p])), ttlMs, clock);
  }

  /** The unit with this code, or null when the registry does not know it. */
  async area(code: string): Promise<AreaRecord | null> {
    return (await this.areas.get()).get(code) ?? null;
  }

  /** The payer organisation with this code, or null. */
  async provider(code: string): Promise<ProviderRecord | null> {
    return (await this.providers.get()).get(code) ?? null;
  }
}
