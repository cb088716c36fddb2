import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { AgencyName } from '../../schema/index.js';

/**
 * A root source of beneficiaries (ownership.md: the registry and social insurance). Each subgraph serves a
 * batched lookup, a keyset search and a filter count over given IDs, all returning or counting `Beneficiary`
 * entities it holds in the caller's areas, and a record field the composed fields read.
 */
export interface RootSource {
  readonly subschema: SubschemaConfig;
  readonly source: AgencyName;
  /** `(citizenIds: [CitizenId!]!): [Beneficiary]!`, null where the root does not hold the person. */
  readonly lookupField: string;
  /** `(filter, first, afterCitizenId): { items: [Beneficiary!]!, totalCount: Int! }` in citizen-ID order. */
  readonly searchField: string;
  /** The type `searchField` returns. */
  readonly searchPageType: string;
  /** `(filter, citizenIds): Int!`: how many of these IDs the root holds matching the filter. */
  readonly matchCountField: string;
  /** The field on Beneficiary holding this root's record. */
  readonly recordField: string;
}
