import type { SubschemaConfig } from '@graphql-tools/delegate';
import { filterInternalFieldsAndTypes, getStitchingOptionsFromSupergraphSdl } from '@graphql-tools/federation';
import { stitchSchemas } from '@graphql-tools/stitch';
import { filterSchema, pruneSchema, type Executor, type IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { scalars } from '../schema/index.js';
import { beneficiaryResolvers } from './lookup/beneficiary.resolvers.js';
import { beneficiaryTypeDefs } from './lookup/beneficiary.typedefs.js';
import { relocateFieldErrors } from './lookup/error-paths.js';
import type { RootSource } from './lookup/roots.js';
import { coverageResolvers, coverageTypeDefs } from './reports/coverage.js';
import type { SubgraphName } from './subgraphs.js';

/** Fields that exist only for composition; hidden from the public schema. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'Query.registryBeneficiaries',
  'Query.registrySearch',
  'Beneficiary.registryRecord',
  'Query.insuranceBeneficiaries',
  'Query.insuranceSearch',
  'Query.registryMatchCount',
  'Query.insuranceMatchCount',
  'Beneficiary.insuranceRecord',
  'Query.activeAccountLinkCount',
  'DisbursementSummary.beneficiaryCitizenIds',
]);

export interface GatewaySchemaOptions {
  readonly supergraphSdl: string;
  readonly executorFor: (subgraph: SubgraphName) => Executor;
  /** Today as a calendar date in Asia/Ho_Chi_Minh. */
  readonly today: () => string;
  /** Beneficiary IDs per internal request of the report's account coverage (default 20,000). */
  readonly coverageChunkIds?: number;
  /** The gateway's own fields (viewer, scope matrix, audit). */
  readonly extraTypeDefs?: readonly string[];
  readonly extraResolvers?: readonly IResolvers[];
}

export interface GatewaySchema {
  /** What clients see. */
  readonly schema: GraphQLSchema;
  /** Stitched schema with helper fields, for delegation. */
  readonly internal: GraphQLSchema;
}

/**
 * Composes the public schema: the subgraphs stitched by their Federation keys (type merging on
 * `Beneficiary` by citizenId, batched `_entities` per subgraph and level), plus the gateway's composed
 * fields and root lookups, with internal fields and helper fields removed.
 */
export function buildGatewaySchema(opts: GatewaySchemaOptions): GatewaySchema {
  const o = getStitchingOptionsFromSupergraphSdl({
    supergraphSdl: opts.supergraphSdl,
    batch: true,
    onSubschemaConfig(config) {
      // Supergraph graph names are the subgraph names upper-cased (join__Graph enum values).
      config.executor = opts.executorFor(config.name.toLowerCase() as SubgraphName);
    },
  });
  const subschema = (name: SubgraphName): SubschemaConfig => {
    const found = o.subschemas.find((s) => (s as { name?: string }).name?.toLowerCase() === name);
    if (!found) throw new Error(`subgraph ${name} is missing from the supergraph (have ${o.subschemas.map((s) => (s as { name?: string }).name).join(", ")})`);
    return found;
  };
  const roots: RootSource[] = [
    {
      subschema: subschema('labor'),
      source: 'LABOR_REGISTRY',
      lookupField: 'registryBeneficiaries',
      searchField: 'registrySearch',
      searchPageType: 'RegistrySearchPage',
      matchCountField: 'registryMatchCount',
      recordField: 'registryRecord',
    },
    {
      subschema: subschema('pension'),
      source: 'SOCIAL_INSURANCE',
      lookupField: 'insuranceBeneficiaries',
      searchField: 'insuranceSearch',
      searchPageType: 'InsuranceSearchPage',
      matchCountField: 'insuranceMatchCount',
      recordField: 'insuranceRecord',
    },
  ];
  const accounts = subschema('accounts');
  let internal: GraphQLSchema | undefined;
  internal = stitchSchemas({
    ...o,
    // The scalar map covers the whole contract; subgraphs not composed yet leave some unused.
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
    typeDefs: [o.typeDefs, beneficiaryTypeDefs, coverageTypeDefs, ...(opts.extraTypeDefs ?? [])],
    resolvers: [
      // The contract's scalars validate input at the gateway, before anything is sent to a subgraph.
      { ...scalars } as never,
      beneficiaryResolvers({ roots, today: opts.today, internalSchema: () => internal! }) as never,
      coverageResolvers(() => accounts, opts.coverageChunkIds) as never,
      ...((opts.extraResolvers ?? []) as never[]),
    ],
  });
  relocateFieldErrors(internal);
  const filtered = filterSchema({
    schema: filterInternalFieldsAndTypes(internal),
    rootFieldFilter: (op, field) => !HIDDEN_FIELDS.has(`${op}.${field}`),
    objectFieldFilter: (type, field) => !HIDDEN_FIELDS.has(`${type}.${field}`),
  });
  return { schema: pruneSchema(filtered), internal };
}
