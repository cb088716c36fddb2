import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { InsuredPerson } from '../../adapters/pension/index.js';
import { CitizenIdScalar } from '../../schema/index.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { Agency, PaymentMethod, Sex } from '../shared/enums.js';
import { RootQueries } from '../shared/root-source.js';
import { InsuranceSearchFilter, InsuranceSearchPage } from './beneficiary.input.js';
import { Beneficiary } from './beneficiary.type.js';
import type { PensionContext } from './context.js';
import { InsuranceRecord } from './insurance-record.type.js';

/** Social insurance as a root: lookups, search and counts, with the caller's areas applied by BHXH. */
const insurance = new RootQueries<PensionContext, InsuredPerson>({
  source: 'SOCIAL_INSURANCE',
  loader: (ctx) => ctx.loaders.insured,
  search: (ctx, query, call) => ctx.adapter.search(query, call),
  entitlements: (p) => p.benefits,
});

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Authorized()
  @Query(() => [Beneficiary], { nullable: 'items', description: "Internal root lookup for the gateway: null where social insurance does not pay the person in the caller's areas." })
  async insuranceBeneficiaries(
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: PensionContext,
  ): Promise<(Beneficiary | null)[]> {
    return insurance.lookup(ctx, citizenIds);
  }

  @Authorized()
  @Query(() => InsuranceSearchPage, { description: 'Internal root search for the gateway.' })
  async insuranceSearch(
    @Arg('filter', () => InsuranceSearchFilter) filter: InsuranceSearchFilter,
    @Arg('first', () => Int) first: number,
    @Arg('afterCitizenId', () => CitizenIdScalar, { nullable: true }) afterCitizenId: string | null,
    @Ctx() ctx: PensionContext,
  ): Promise<InsuranceSearchPage> {
    return insurance.search(ctx, filter, first, afterCitizenId);
  }

  @Authorized()
  @Query(() => Int, { description: "Internal: how many of these IDs social insurance pays in the caller's areas matching the filter." })
  async insuranceMatchCount(
    @Arg('filter', () => InsuranceSearchFilter) filter: InsuranceSearchFilter,
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: PensionContext,
  ): Promise<number> {
    return insurance.matchCount(ctx, filter, citizenIds);
  }

  @Authorized()
  @FieldResolver(() => InsuranceRecord, { nullable: true })
  async insuranceRecord(@Root() b: Beneficiary, @Ctx() ctx: PensionContext): Promise<InsuranceRecord | null> {
    // Out of the caller's areas is absent, whichever root led here (ownership.md, Areas).
    const p = await insurance.visibleRecord(ctx, b.citizenId);
    if (!p) return null;
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
