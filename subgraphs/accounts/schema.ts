import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { BeneficiaryAccountsResolver } from './beneficiary.resolver.js';
import { Beneficiary } from './beneficiary.type.js';
import { LinkResolver } from './link.resolver.js';

/** The accounts subgraph's type-graphql schema (before federation), also used to emit schema/accounts.graphql. */
export async function buildAccountsTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [BeneficiaryAccountsResolver, LinkResolver],
    // Entities reached only through `_entities` are not reachable from Query.
    orphanedTypes: [Beneficiary],
    authChecker: scopeAuthChecker,
    validate: false,
    // No root query of its own: Federation adds `_entities` / `_service`, through which the gateway reads links.
    skipCheck: true,
  });
}

/** The accounts subgraph as a Federation v2 subgraph schema. */
export async function buildAccountsSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildAccountsTypeSchema(), {
    Beneficiary: { __resolveReference: (ref) => ({ citizenId: ref.citizenId }) },
  });
}
