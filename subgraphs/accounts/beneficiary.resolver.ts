import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { areaAllowed, CitizenIdScalar } from '../../schema/index.js';
import { sourceUnavailable } from '../shared/errors.js';
import { Beneficiary } from './beneficiary.type.js';
import type { AccountsContext } from './context.js';
import type { StoredLink } from './link-records.js';
import { PaymentAccountLink } from './payment-account-link.type.js';

/** The beneficiary's links the caller may see: the store applies the caller's areas by the commune on each link. */
async function visibleLinks(ctx: AccountsContext, citizenId: string): Promise<StoredLink[]> {
  let links: StoredLink[];
  try {
    links = await ctx.loaders.links.load(citizenId);
  } catch (cause) {
    // The store itself is the source here (ownership.md: ACCOUNT_REGISTRY).
    const error = sourceUnavailable('ACCOUNT_REGISTRY');
    (error as { cause?: unknown }).cause = cause;
    throw error;
  }
  return links.filter((l) => areaAllowed(ctx.principal.areas, l.communeCode, l.provinceCode));
}

@Resolver(() => Beneficiary)
export class BeneficiaryAccountsResolver {
  @Authorized()
  @FieldResolver(() => PaymentAccountLink, { nullable: true })
  async paymentAccount(@Root() b: Beneficiary, @Ctx() ctx: AccountsContext): Promise<PaymentAccountLink | null> {
    const active = (await visibleLinks(ctx, b.citizenId)).find((l) => l.status === 'ACTIVE');
    return active ? PaymentAccountLink.from(active) : null;
  }

  /**
   * Internal, for the gateway's monthly report: how many of these beneficiaries have an ACTIVE bank or e-wallet
   * link (the report's withAccountCount), counted in the store in one pass.
   */
  @Authorized()
  @Query(() => Int, { description: 'Internal: beneficiaries among these with an ACTIVE bank or e-wallet link.' })
  async activeAccountLinkCount(@Arg('citizenIds', () => [CitizenIdScalar]) citizenIds: string[], @Ctx() ctx: AccountsContext): Promise<number> {
    try {
      return await ctx.store.countActiveAccountLinks(citizenIds, (l) => areaAllowed(ctx.principal.areas, l.communeCode, l.provinceCode));
    } catch (cause) {
      const error = sourceUnavailable('ACCOUNT_REGISTRY');
      (error as { cause?: unknown }).cause = cause;
      throw error;
    }
  }

  @Authorized()
  @FieldResolver(() => [PaymentAccountLink], { nullable: true })
  async paymentAccountHistory(@Root() b: Beneficiary, @Ctx() ctx: AccountsContext): Promise<PaymentAccountLink[]> {
    return (await visibleLinks(ctx, b.citizenId)).map((l) => PaymentAccountLink.from(l));
  }
}
