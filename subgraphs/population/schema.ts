import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { Beneficiary } from './beneficiary.type.js';
import { BeneficiaryCitizenResolver, CitizenResolver } from './citizen.resolver.js';

/** The population subgraph's type-graphql schema (before federation). */
export async function buildPopulationTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [CitizenResolver, BeneficiaryCitizenResolver],
    orphanedTypes: [Beneficiary],
    authChecker: scopeAuthChecker, validate: false });
}

/** The population subgraph as a Federation v2 subgraph schema. */
export async function buildPopulationSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildPopulationTypeSchema(), {
    Beneficiary: { __resolveReference: (ref) => ({ citizenId: ref.citizenId }) },
  });
}
