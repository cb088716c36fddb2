import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { InsuredPerson } from '../../adapters/pension/index.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { areaAllowed, CitizenIdScalar } from '../../schema/index.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { Agency, PaymentMethod, Sex } from '../shared/enums.js';
import { badUserInput, mapAgencyError } from '../shared/errors.js';
import { insuranceMatches, InsuranceSearchFilter, InsuranceSearchPage } from './beneficiary.input.js';
import { Beneficiary } from './beneficiary.type.js';
import type { PensionContext } from './context.js';
import { InsuranceRecord } from './insurance-record.type.js';

/** Most IDs or rows one call may ask for; the gateway's public limits are lower. */
export const MAX_KEYS = 500;

async function load(ctx: PensionContext, citizenId: string): Promise<InsuredPerson | null> {
  try {
    return await ctx.loaders.insured.load(citizenId);
  } catch (e) {
    throw isAgencyError(e) ? mapAgencyError(e, 'SOCIAL_INSURANCE') : e;
  }
}

const visible = (ctx: PensionContext, p: InsuredPerson) => areaAllowed(ctx.principal.areas, p.communeCode, p.provinceCode);

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  /** Root lookup for the gateway: one entry per ID, null where BHXH does not pay the person in the caller's areas. */
  @Authorized()
  @Query(() => [Beneficiary], { nullable: 'items', description: "Internal root lookup for the gateway: null where social insurance does not pay the person in the caller's areas." })
  async insuranceBeneficiaries(
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: PensionContext,
  ): Promise<(Beneficiary | null)[]> {
    if (citizenIds.length > MAX_KEYS) throw badUserInput(`at most ${MAX_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return citizenIds.map(() => null);
    const people = await Promise.all(citizenIds.map((id) => load(ctx, id)));
    return people.map((p) => (p !== null && visible(ctx, p) ? { citizenId: p.citizenId } : null));
  }

  /** Root search in citizen-ID order (keyset), limited to the caller's areas by BHXH itself. */
  @Authorized()
  @Query(() => InsuranceSearchPage, { description: 'Internal root search for the gateway.' })
  async insuranceSearch(
    @Arg('filter', () => InsuranceSearchFilter) filter: InsuranceSearchFilter,
    @Arg('first', () => Int) first: number,
    @Arg('afterCitizenId', () => CitizenIdScalar, { nullable: true }) afterCitizenId: string | null,
    @Ctx() ctx: PensionContext,
  ): Promise<InsuranceSearchPage> {
    if (first < 0 || first > MAX_KEYS) throw badUserInput(`first must be between 0 and ${MAX_KEYS}`);
    if (ctx.principal.areas.length === 0) return { items: [], totalCount: 0 };
    try {
      const page = await ctx.adapter.search(
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
      for (const p of page.items) ctx.loaders.insured.prime(p.citizenId, p);
      return { items: page.items.map((p) => ({ citizenId: p.citizenId })), totalCount: page.totalCount };
    } catch (e) {
      throw isAgencyError(e) ? mapAgencyError(e, 'SOCIAL_INSURANCE') : e;
    }
  }

  /** How many of these people BHXH pays in the caller's areas matching the filter (the gateway counts people on both roots once). */
  @Authorized()
  @Query(() => Int, { description: "Internal: how many of these IDs social insurance pays in the caller's areas matching the filter." })
  async insuranceMatchCount(
    @Arg('filter', () => InsuranceSearchFilter) filter: InsuranceSearchFilter,
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: PensionContext,
  ): Promise<number> {
    if (citizenIds.length > MAX_KEYS) throw badUserInput(`at most ${MAX_KEYS} IDs`);
    if (ctx.principal.areas.length === 0) return 0;
    const people = await Promise.all(citizenIds.map((id) => load(ctx, id)));
    return people.filter((p) => p !== null && visible(ctx, p) && insuranceMatches(p, filter)).length;
  }

  @Authorized()
  @FieldResolver(() => InsuranceRecord, { nullable: true })
  async insuranceRecord(@Root() b: Beneficiary, @Ctx() ctx: PensionContext): Promise<InsuranceRecord | null> {
    const p = await load(ctx, b.citizenId);
    // Out of the caller's areas is absent, whichever root led here (ownership.md, Areas).
    if (!p || !visible(ctx, p)) return null;
    return Object.assign(new InsuranceRecord(), {
      fullName: p.fullName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex as Sex,
      area: { code: p.communeCode },
      paymentMethod: p.paymentOnFile.method as PaymentMethod,
      entitlements: p.benefits.map((e) => Entitlement.from(e, Agency.SOCIAL_INSURANCE, p.insuranceCode)),
    });
  }
}
