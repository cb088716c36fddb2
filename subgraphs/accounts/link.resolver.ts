import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AccountsContext } from './context.js';
import { LinkPaymentAccountInput, UnlinkPaymentAccountInput } from './link.input.js';
import { LinkPaymentAccountPayload, UnlinkPaymentAccountPayload } from './link.payload.js';

@Resolver()
export class LinkResolver {
  /** Verifies and records a link (running.md, "Linking rules"); refusals are userErrors, outages GraphQL errors. */
  @Authorized()
  @Mutation(() => LinkPaymentAccountPayload, { nullable: true })
  async linkPaymentAccount(
    @Arg('input', () => LinkPaymentAccountInput) input: LinkPaymentAccountInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<LinkPaymentAccountPayload> {
    return LinkPaymentAccountPayload.from(await ctx.service.link(ctx.principal, input, ctx.requestId));
  }

  /** Ends a link in force, or cancels a change still cooling off. */
  @Authorized()
  @Mutation(() => UnlinkPaymentAccountPayload, { nullable: true })
  async unlinkPaymentAccount(
    @Arg('input', () => UnlinkPaymentAccountInput) input: UnlinkPaymentAccountInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<UnlinkPaymentAccountPayload> {
    return UnlinkPaymentAccountPayload.from(await ctx.service.unlink(ctx.principal, input));
  }
}
