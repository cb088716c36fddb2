import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { AreaResolver } from './area.resolver.js';
import { BeneficiaryResolver } from './beneficiary.resolver.js';
import { Area } from './area.type.js';
import { Beneficiary } from './beneficiary.type.js';

/** The labor subgraph's type-graphql schema (before federation), also used to emit schema/labor.graphql. */
export async function buildLaborTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [BeneficiaryResolver, AreaResolver],
    // Entities reached only through `_entities` are not reachable from Query.
    orphanedTypes: [Beneficiary, Area],
    authChecker: scopeAuthChecker,
    validate: false,
  });
}

/** The labor subgraph as a Federation v2 subgraph schema. */
export async function buildLaborSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildLaborTypeSchema(), {
    Beneficiary: { __resolveReference: (ref) => ({ citizenId: ref.citizenId }) },
    Area: { __resolveReference: (ref) => ({ code: ref.code }) },
  });
}
