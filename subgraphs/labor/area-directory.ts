import type { AreaRecord } from '../../adapters/shared/types.js';
import type { LaborAdapter } from '../../adapters/labor/index.js';

/**
 * Administrative units held in memory for `ttlMs`. They are public reference data that changes by decree,
 * not personal data, so caching them across requests is safe; everything personal is fetched per request.
 */
export class AreaDirectory {
  private byCode: Map<string, AreaRecord> | undefined;
  private loadedAt = 0;
  private inflight: Promise<Map<string, AreaRecord>> | undefined;

  constructor(
    private readonly adapter: LaborAdapter,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  /** The unit with this code, or null. Throws the adapter's error when the list cannot be loaded. */
  async get(code: string): Promise<AreaRecord | null> {
    return (await this.all()).get(code) ?? null;
  }

  /** Every unit, by code. */
  async all(): Promise<Map<string, AreaRecord>> {
    const now = this.clock().getTime();
    if (this.byCode && now - this.loadedAt < this.ttlMs) return this.byCode;
    this.inflight ??= this.adapter
      .getAreas()
      .then((list) => {
        this.byCode = new Map(list.map((a) => [a.code, a]));
        this.loadedAt = this.clock().getTime();
        return this.byCode;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
