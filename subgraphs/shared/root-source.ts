import type DataLoader from 'dataloader';
import { isAgencyError } from '../../adapters/shared/index.js';
import type { CallContext, EntitlementRecord, EntitlementStatus, PaymentMethod, PaymentOnFile, Program } from '../../adapters/shared/types.js';
import { areaAllowed, type AgencyName } from '../../schema/index.js';
import type { BaseContext } from './context.js';
import { badUserInput, mapAgencyError } from './errors.js';

/** Most IDs or rows one call may ask for; the gateway's public limits are lower. */
export const MAX_ROOT_KEYS = 500;

/** What a root agency's record must hold for the lookups (registry beneficiary, BHXH insured person). */
export interface RootRecord {
  readonly citizenId: string;
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly paymentOnFile: PaymentOnFile;
}

/** The public BeneficiaryFilter as a root subgraph receives it. */
export interface RootFilter {
  readonly areaCode?: string | null;
  readonly program?: string | null;
  readonly status?: string | null;
  readonly paymentMethod?: string | null;
}

/** One agency search page, as the registry and BHXH adapters answer it. */
export interface RootSearchQuery {
  readonly visibleAreas: readonly string[];
  readonly limit: number;
  readonly areaCode?: string;
  readonly program?: Program;
  readonly status?: EntitlementStatus;
  readonly paymentMethod?: PaymentMethod;
  readonly afterCitizenId?: string;
}

/** How one root subgraph reaches its agency. */
export interface RootAccess<C extends BaseContext, R extends RootRecord> {
  readonly source: AgencyName;
  readonly loader: (ctx: C) => DataLoader<string, R | null>;
  readonly search: (ctx: C, query: RootSearchQuery, call: CallContext) => Promise<{ readonly items: readonly R[]; readonly totalCount: number }>;
  readonly entitlements: (record: R) => readonly EntitlementRecord[];
}

/**
 * The internal root queries the gateway composes `beneficiary`, `beneficiaries` and `searchBeneficiaries` from,
 * shared by the registry and social insurance: each applies the caller's areas itself and maps agency failures
 * to SOURCE_UNAVAILABLE naming its agency.
 */
export class RootQueries<C extends BaseContext, R extends RootRecord> {
  constructor(private readonly access: RootAccess<C, R>) {}

  /** The record, or null; throws SOURCE_UNAVAILABLE when the agency does not answer. */
  async load(ctx: C, citizenId: string): Promise<R | null> {
    try {
      return await this.access.loader(ctx).load(citizenId);
    } catch (e) {
      throw isAgencyError(e) ? mapAgencyError(e, this.access.source) : e;
    }
  }

  /** The record when the caller's areas cover it; out of area is absent, whichever root led here. */
  async visibleRecord(ctx: C, citizenId: string): Promise<R | null> {
    const r = await this.load(ctx, citizenId);
    return r && this.visible(ctx, r) ? r : null;
  }

  /** One entry per ID: the entity key where the agency holds the person in the caller's areas, else null. */
  async lookup(ctx: C, citizenIds: readonly string[]): Promise<({ citizenId: string } | null)[]> {
    if (citizenIds.length > MAX_ROOT_KEYS) throw badUserInput(`at most ${MAX_ROOT_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return citizenIds.map(() => null);
    const records = await Promise.all(citizenIds.map((id) => this.visibleRecord(ctx, id)));
    return records.map((r) => (r ? { citizenId: r.citizenId } : null));
  }

  /** One page in citizen-ID order (keyset), limited to the caller's areas by the agency itself. */
  async search(ctx: C, filter: RootFilter, first: number, afterCitizenId: string | null): Promise<{ items: { citizenId: string }[]; totalCount: number }> {
    if (first < 0 || first > MAX_ROOT_KEYS) throw badUserInput(`first must be between 0 and ${MAX_ROOT_KEYS}`);
    if (ctx.principal.areas.length === 0) return { items: [], totalCount: 0 };
    try {
      const page = await this.access.search(
        ctx,
        {
          visibleAreas: ctx.principal.areas,
          limit: first,
          ...(filter.areaCode ? { areaCode: filter.areaCode } : {}),
          ...(filter.program ? { program: filter.program as Program } : {}),
          ...(filter.status ? { status: filter.status as EntitlementStatus } : {}),
          ...(filter.paymentMethod ? { paymentMethod: filter.paymentMethod as PaymentMethod } : {}),
          ...(afterCitizenId ? { afterCitizenId } : {}),
        },
        { correlationId: ctx.requestId },
      );
      // Prime the loader: the page's fields resolve in this same request without another agency call.
      const loader = this.access.loader(ctx);
      for (const r of page.items) loader.prime(r.citizenId, r);
      return { items: page.items.map((r) => ({ citizenId: r.citizenId })), totalCount: page.totalCount };
    } catch (e) {
      throw isAgencyError(e) ? mapAgencyError(e, this.access.source) : e;
    }
  }

  /** How many of these people the agency holds in the caller's areas matching the filter (people on both roots count once at the gateway). */
  async matchCount(ctx: C, filter: RootFilter, citizenIds: readonly string[]): Promise<number> {
    if (citizenIds.length > MAX_ROOT_KEYS) throw badUserInput(`at most ${MAX_ROOT_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return 0;
    const records = await Promise.all(citizenIds.map((id) => this.visibleRecord(ctx, id)));
    return records.filter((r) => r !== null && this.matches(r, filter)).length;
  }

  /** The filter as the agency's search applies it (a province covers its communes). */
  matches(r: R, f: RootFilter): boolean {
    if (f.areaCode && f.areaCode !== r.communeCode && f.areaCode !== r.provinceCode) return false;
    if (f.paymentMethod && r.paymentOnFile.method !== f.paymentMethod) return false;
    return !f.program && !f.status ? true : this.access.entitlements(r).some((e) => (!f.program || e.program === f.program) && (!f.status || e.status === f.status));
  }

  private visible(ctx: C, r: R): boolean {
    return areaAllowed(ctx.principal.areas, r.communeCode, r.provinceCode);
  }
}
