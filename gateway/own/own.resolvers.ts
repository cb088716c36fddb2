import type { IResolvers } from '@graphql-tools/utils';
import { GraphQLError } from 'graphql';
import { vietnamDateTime } from '../../schema/index.js';
import { AUDIT_MAX_PAGE_SIZE, isAuditStoreError, type AuditFilter, type AuditStore } from '../audit/index.js';
import type { GatewayContext } from '../context.js';
import type { FieldScopeRow } from './scope-matrix.js';

export interface OwnResolverDeps {
  /** The rows of the public schema; read lazily because the schema is built with these resolvers. */
  readonly scopeMatrix: () => readonly FieldScopeRow[];
  readonly audit: AuditStore;
}

interface AuditFilterInput {
  subject?: string | null;
  citizenId?: string | null;
  from?: string | null;
  to?: string | null;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** The store's refusals of a filter, page size or cursor are the client's mistakes; anything else propagates (masked). */
function clientMistake(error: unknown): never {
  if (isAuditStoreError(error) && error.code.startsWith('INVALID_')) throw badInput('Invalid audit filter, page size or cursor');
  throw error;
}

function toFilter(input: AuditFilterInput | null | undefined): AuditFilter {
  const filter: AuditFilter = {};
  if (input?.subject != null) filter.subject = input.subject;
  if (input?.citizenId != null) filter.citizenId = input.citizenId;
  // DateTime already validated the strings as ISO instants with an offset.
  if (input?.from != null) filter.from = new Date(input.from);
  if (input?.to != null) filter.to = new Date(input.to);
  return filter;
}

/** Resolvers of the gateway's own fields; their scopes are enforced on the root fields (security/scope-guard). */
export function ownResolvers(deps: OwnResolverDeps): IResolvers<unknown, GatewayContext> {
  return {
    Query: {
      viewer: (_root, _args, ctx) => ({
        subject: ctx.caller.subject,
        clientId: ctx.caller.clientId,
        scopes: [...ctx.caller.scopes].sort(),
        areaCodes: [...ctx.caller.areas],
        tokenExpiresAt: vietnamDateTime(ctx.caller.expiresAt),
      }),
      scopeMatrix: () => deps.scopeMatrix(),
      async auditEvents(_root, args: { filter?: AuditFilterInput | null; first: number; after?: string | null }) {
        if (!Number.isInteger(args.first) || args.first < 0 || args.first > AUDIT_MAX_PAGE_SIZE) {
          throw badInput(`first must be between 0 and ${AUDIT_MAX_PAGE_SIZE}`);
        }
        return deps.audit.list(toFilter(args.filter), args.first, args.after ?? undefined).catch(clientMistake);
      },
      auditChainStatus: () => deps.audit.verify(),
    },
  };
}
