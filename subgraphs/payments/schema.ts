import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scopeAuthChecker } from '../shared/auth-checker.js';
import { toSubgraphSchema } from '../shared/federation.js';
import { BeneficiaryPaymentsResolver } from './beneficiary.resolver.js';
import { Beneficiary } from './beneficiary.type.js';
import { DisbursementSummaryResolver } from './disbursement-summary.resolver.js';
import { PaymentBatchResolver } from './payment-batch.resolver.js';
import { PaymentBatch } from './payment-batch.type.js';
import { batchReference } from './payment-views.js';
import { PaymentResolver } from './payment.resolver.js';

/** The payments subgraph's type-graphql schema (before federation), also used to emit schema/payments.graphql. */
export async function buildPaymentsTypeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [PaymentResolver, PaymentBatchResolver, DisbursementSummaryResolver, BeneficiaryPaymentsResolver],
    orphanedTypes: [Beneficiary, PaymentBatch],
    authChecker: scopeAuthChecker,
    validate: false,
  });
}

/** The payments subgraph as a Federation v2 subgraph schema. */
export async function buildPaymentsSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildPaymentsTypeSchema(), {
    Beneficiary: { __resolveReference: (ref) => ({ citizenId: ref.citizenId }) },
    PaymentBatch: { __resolveReference: (ref) => batchReference(String(ref.id)) },
  });
}
