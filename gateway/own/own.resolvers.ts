import type { IResolvers } from '@graphql-tools/utils';
import { vietnamDateTime } from '../../schema/index.js';
import type { GatewayContext } from '../context.js';

/** Resolvers of the gateway's own fields. */
export function ownResolvers(): IResolvers<unknown, GatewayContext> {
  return {
    Query: {
      viewer: (_root, _args, ctx) => ({
        subject: ctx.caller.subject,
        clientId: ctx.caller.clientId,
        scopes: [...ctx.caller.scopes].sort(),
        areaCodes: [...ctx.caller.areas],
        tokenExpiresAt: vietnamDateTime(ctx.caller.expiresAt),
      }),
    },
  };
}
