import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { BeneficiaryResolver } from './beneficiary.resolver.js';
import { Beneficiary } from './beneficiary.type.js';

/** The pension subgraph's type-graphql schema (before federation), also used to emit schema/pension.graphql. */
export async function buildPensionTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [BeneficiaryResolver],
    // Entities reached only through `_entities` are not reachable from Query.
    orphanedTypes: [Beneficiary],
    authChecker: scopeAuthChecker,
    validate: false,
  });
}

/** The pension subgraph as a Federation v2 subgraph schema. */
export async function buildPensionSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildPensionTypeSchema(), {
    Beneficiary: { __resolveReference: (ref) => ({ citizenId: ref.citizenId }) },
  });
}
