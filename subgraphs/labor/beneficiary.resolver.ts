import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RegistryBeneficiary } from '../../adapters/labor/index.js';
import { CitizenIdScalar } from '../../schema/index.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { Agency, PaymentMethod, RecipientRole, Sex } from '../shared/enums.js';
import { RootQueries } from '../shared/root-source.js';
import { Beneficiary } from './beneficiary.type.js';
import { RegistrySearchFilter, RegistrySearchPage } from './beneficiary.input.js';
import type { LaborContext } from './context.js';
import { RegistryRecord } from './registry-record.type.js';
import { Representative } from './representative.type.js';

/** The registry as a root: lookups, search and counts, with the caller's areas applied by the registry. */
const registry = new RootQueries<LaborContext, RegistryBeneficiary>({
  source: 'LABOR_REGISTRY',
  loader: (ctx) => ctx.loaders.beneficiary,
  search: (ctx, query, call) => ctx.adapter.searchBeneficiaries(query, call),
  entitlements: (b) => b.entitlements,
});

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Authorized()
  @Query(() => [Beneficiary], { nullable: 'items', description: "Internal root lookup for the gateway: null where the registry does not hold the person in the caller's areas." })
  async registryBeneficiaries(
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: LaborContext,
  ): Promise<(Beneficiary | null)[]> {
    return registry.lookup(ctx, citizenIds);
  }

  @Authorized()
  @Query(() => RegistrySearchPage, { description: 'Internal root search for the gateway.' })
  async registrySearch(
    @Arg('filter', () => RegistrySearchFilter) filter: RegistrySearchFilter,
    @Arg('first', () => Int) first: number,
    @Arg('afterCitizenId', () => CitizenIdScalar, { nullable: true }) afterCitizenId: string | null,
    @Ctx() ctx: LaborContext,
  ): Promise<RegistrySearchPage> {
    return registry.search(ctx, filter, first, afterCitizenId);
  }

  @Authorized()
  @Query(() => Int, { description: "Internal: how many of these IDs the registry holds in the caller's areas matching the filter." })
  async registryMatchCount(
    @Arg('filter', () => RegistrySearchFilter) filter: RegistrySearchFilter,
    @Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[],
    @Ctx() ctx: LaborContext,
  ): Promise<number> {
    return registry.matchCount(ctx, filter, citizenIds);
  }

  @Authorized()
  @FieldResolver(() => RegistryRecord, { nullable: true })
  async registryRecord(@Root() b: Beneficiary, @Ctx() ctx: LaborContext): Promise<RegistryRecord | null> {
    // Out of the caller's areas is absent, whichever root led here (ownership.md, Areas).
    const r = await registry.visibleRecord(ctx, b.citizenId);
    if (!r) return null;
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
    const r = await registry.visibleRecord(ctx, b.citizenId);
    if (!r) return [];
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
