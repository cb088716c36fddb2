import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { PaymentBatch } from './payment-batch.type.js';
import { TreasuryOrderResolver } from './treasury-order.resolver.js';

/** The treasury subgraph's type-graphql schema (before federation), also used to emit schema/treasury.graphql. */
export async function buildTreasuryTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [TreasuryOrderResolver],
    orphanedTypes: [PaymentBatch],
    authChecker: scopeAuthChecker,
    validate: false,
    // The treasury has no root field of its own (it only adds to PaymentBatch); federation adds `_entities`.
    skipCheck: true,
  });
}

/** The treasury subgraph as a Federation v2 subgraph schema. */
export async function buildTreasurySchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildTreasuryTypeSchema(), {
    PaymentBatch: { __resolveReference: (ref) => ({ id: ref.id }) },
  });
}
