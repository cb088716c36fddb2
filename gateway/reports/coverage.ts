import { delegateToSchema, type SubschemaConfig } from '@graphql-tools/delegate';
import type { IResolvers } from '@graphql-tools/utils';
import { GraphQLError, GraphQLInt, Kind, OperationTypeNode, type GraphQLResolveInfo } from 'graphql';
import { sourceUnavailableError } from '../../schema/index.js';

/**
 * `DisbursementSummary.withAccountCount` and `accountCoverageRate` (ownership.md: "accounts + registry, computed
 * where both are reachable"). The payments subgraph counts the month's beneficiaries from the lists; the accounts
 * store knows who holds an ACTIVE bank or e-wallet link; neither can reach the other, so the gateway joins them:
 * one internal query to the accounts subgraph per summary, shared by both fields.
 */
export const coverageTypeDefs = /* GraphQL */ `
  extend type DisbursementSummary {
    "Beneficiaries with an ACTIVE bank or e-wallet link."
    withAccountCount: Int!
    "withAccountCount / beneficiaryCount, 0..1."
    accountCoverageRate: Float!
  }
`;

type Summary = { beneficiaryCitizenIds?: unknown; beneficiaryCount?: unknown };

/** Default IDs per internal request: ≈ 300 KB of JSON, well under a subgraph's body limit, whatever the area's size. */
export const COVERAGE_CHUNK = 20_000;

/** Resolvers of the two coverage fields, counting through `accounts`. */
export function coverageResolvers(accounts: () => SubschemaConfig, chunk: number = COVERAGE_CHUNK): IResolvers {
  // One count per summary object, whichever of the two fields asks first.
  const counts = new WeakMap<object, Promise<number>>();
  const count = (summary: Summary, context: Record<string, unknown>, info: GraphQLResolveInfo): Promise<number> => {
    let pending = counts.get(summary);
    if (!pending) {
      const ids = summary.beneficiaryCitizenIds;
      if (ids instanceof Error) throw ids;
      const citizenIds = Array.isArray(ids) ? (ids as string[]) : [];
      pending = (async () => {
        let total = 0;
        // One after the other: requests made together would be batched back into one large body.
        for (let i = 0; i < citizenIds.length; i += chunk) {
          const n: unknown = await delegateToSchema({
            schema: accounts(),
            operation: OperationTypeNode.QUERY,
            fieldName: 'activeAccountLinkCount',
            args: { citizenIds: citizenIds.slice(i, i + chunk) },
            context,
            info,
            returnType: GraphQLInt,
            fieldNodes: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'activeAccountLinkCount' } }],
          });
          if (typeof n !== 'number') {
            if (n instanceof GraphQLError) throw n;
            throw sourceUnavailableError('ACCOUNT_REGISTRY');
          }
          total += n;
        }
        return total;
      })();
      counts.set(summary, pending);
    }
    return pending;
  };
  const selectionSet = '{ beneficiaryCitizenIds beneficiaryCount }';
  return {
    DisbursementSummary: {
      withAccountCount: { selectionSet, resolve: (s: Summary, _a: unknown, ctx: Record<string, unknown>, info: GraphQLResolveInfo) => count(s, ctx, info) },
      accountCoverageRate: {
        selectionSet,
        async resolve(s: Summary, _a: unknown, ctx: Record<string, unknown>, info: GraphQLResolveInfo) {
          const total = Number(s.beneficiaryCount);
          const n = await count(s, ctx, info);
          return total === 0 ? 0 : n / total;
        },
      },
    },
  };
}
