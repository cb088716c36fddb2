import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RegistryBeneficiary } from '../../adapters/labor/index.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { areaAllowed, CitizenIdScalar } from '../../schema/index.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { Agency, PaymentMethod, RecipientRole, Sex } from '../shared/enums.js';
import { badUserInput, mapAgencyError } from '../shared/errors.js';
import { Beneficiary } from './beneficiary.type.js';
import { registryMatches, RegistrySearchFilter, RegistrySearchPage } from './beneficiary.input.js';
import type { LaborContext } from './context.js';
import { RegistryRecord } from './registry-record.type.js';
import { Representative } from './representative.type.js';

/** Most IDs or rows one call may ask for; the gateway's public limits are lower. */
export const MAX_KEYS = 500;

async function load(ctx: LaborContext, citizenId: string): Promise<RegistryBeneficiary | null> {
  try {
    return await ctx.loaders.beneficiary.load(citizenId);
  } catch (e) {
    throw isAgencyError(e) ? mapAgencyError(e, 'LABOR_REGISTRY') : e;
  }
}

const visible = (ctx: LaborContext, b: RegistryBeneficiary) => areaAllowed(ctx.principal.areas, b.communeCode, b.provinceCode);

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  /** Root lookup for the gateway: one entry per ID, null where the registry does not hold the person in the caller's areas. */
  @Authorized()
  @Query(() => [Beneficiary], { nullable: 'items', description: "Internal root lookup for the gateway: null where the registry does not hold the person in the caller's areas." })
  async registryBeneficiaries(
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: LaborContext,
  ): Promise<(Beneficiary | null)[]> {
    if (citizenIds.length > MAX_KEYS) throw badUserInput(`at most ${MAX_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return citizenIds.map(() => null);
    const records = await Promise.all(citizenIds.map((id) => load(ctx, id)));
    return records.map((b) => (b !== null && visible(ctx, b) ? { citizenId: b.citizenId } : null));
  }

  /** Root search in citizen-ID order (keyset), limited to the caller's areas by the registry itself. */
  @Authorized()
  @Query(() => RegistrySearchPage, { description: 'Internal root search for the gateway.' })
  async registrySearch(
    @Arg('filter', () => RegistrySearchFilter) filter: RegistrySearchFilter,
    @Arg('first', () => Int) first: number,
    @Arg('afterCitizenId', () => CitizenIdScalar, { nullable: true }) afterCitizenId: string | null,
    @Ctx() ctx: LaborContext,
  ): Promise<RegistrySearchPage> {
    if (first < 0 || first > MAX_KEYS) throw badUserInput(`first must be between 0 and ${MAX_KEYS}`);
    if (ctx.principal.areas.length === 0) return { items: [], totalCount: 0 };
    try {
      const page = await ctx.adapter.searchBeneficiaries(
        {
          visibleAreas: ctx.principal.areas,
          limit: first,
          ...(filter.areaCode ? { areaCode: filter.areaCode } : {}),
          ...(filter.program ? { program: filter.program } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.paymentMethod ? { paymentMethod: filter.paymentMethod } : {}),
          ...(afterCitizenId ? { afterCitizenId } : {}),
        },
        { correlationId: ctx.requestId },
      );
      // Prime the loader: the page's fields resolve in this same request without another agency call.
      for (const b of page.items) ctx.loaders.beneficiary.prime(b.citizenId, b);
      return { items: page.items.map((b) => ({ citizenId: b.citizenId })), totalCount: page.totalCount };
    } catch (e) {
      throw isAgencyError(e) ? mapAgencyError(e, 'LABOR_REGISTRY') : e;
    }
  }

  /** How many of these people the registry holds in the caller's areas and matches the filter (the gateway counts people on both roots once). */
  @Authorized()
  @Query(() => Int, { description: "Internal: how many of these IDs the registry holds in the caller's areas matching the filter." })
  async registryMatchCount(
    @Arg('filter', () => RegistrySearchFilter) filter: RegistrySearchFilter,
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: LaborContext,
  ): Promise<number> {
    if (citizenIds.length > MAX_KEYS) throw badUserInput(`at most ${MAX_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return 0;
    const records = await Promise.all(citizenIds.map((id) => load(ctx, id)));
    return records.filter((b) => b !== null && visible(ctx, b) && registryMatches(b, filter)).length;
  }

  @Authorized()
  @FieldResolver(() => RegistryRecord, { nullable: true })
  async registryRecord(@Root() b: Beneficiary, @Ctx() ctx: LaborContext): Promise<RegistryRecord | null> {
    const r = await load(ctx, b.citizenId);
    // Out of the caller's areas is absent, whichever root led here (ownership.md, Areas).
    if (!r || !visible(ctx, r)) return null;
    return Object.assign(new RegistryRecord(), {
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      sex: r.sex as Sex,
      area: { code: r.communeCode },
      paymentMethod: r.paymentOnFile.method as PaymentMethod,
      entitlements: r.entitlements.map((e) => Entitlement.from(e, Agency.LABOR_REGISTRY)),
    });
  }

  @Authorized()
  @FieldResolver(() => [Representative], { nullable: true })
  async representatives(@Root() b: Beneficiary, @Ctx() ctx: LaborContext): Promise<Representative[]> {
    const r = await load(ctx, b.citizenId);
    if (!r || !visible(ctx, r)) return [];
    return r.representatives.map((p) =>
      Object.assign(new Representative(), {
        role: p.role as RecipientRole,
        citizenId: p.citizenId,
        fullName: p.fullName,
        mandateReference: p.mandateReference,
        validFrom: p.validFrom,
        validUntil: p.validUntil,
      }),
    );
  }
}
