import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { AgencyName } from '../../schema/index.js';

/**
 * A root source of beneficiaries (ownership.md: the registry and social insurance). Each subgraph serves a
 * batched lookup and a keyset search returning `Beneficiary` entities, and a record field the composed
 * fields read.
 */
export interface RootSource {
  readonly subschema: SubschemaConfig;
  readonly source: AgencyName;
  /** `(citizenIds: [CitizenId!]!): [Beneficiary]!` */
  readonly lookupField: string;
  /** `(filter, first, afterCitizenId): { items: [Beneficiary!]!, totalCount: Int! }` */
  readonly searchField: string;
  /** The type `searchField` returns. */
  readonly searchPageType: string;
  /** The field on Beneficiary holding this root's record. */
  readonly recordField: string;
}
