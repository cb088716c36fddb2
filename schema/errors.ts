import { GraphQLError } from 'graphql';

/** The only `extensions.code` values that reach clients (scopes.md §Errors). */
export const PUBLIC_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SOURCE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

const PUBLIC: ReadonlySet<string> = new Set(PUBLIC_ERROR_CODES);
/** True for a code that may be shown to a client. */
export const isPublicErrorCode = (code: unknown): code is PublicErrorCode => typeof code === 'string' && PUBLIC.has(code);

/** The agencies of the contract's `Agency` enum. */
export const AGENCIES = ['POPULATION', 'LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'TREASURY', 'BANK', 'POST', 'ACCOUNT_REGISTRY'] as const;
export type AgencyName = (typeof AGENCIES)[number];

/** Codes of `UserError` in link mutations. */
export const USER_ERROR_CODES = [
  'INVALID_INPUT',
  'BENEFICIARY_NOT_FOUND',
  'CITIZEN_NOT_FOUND',
  'BENEFICIARY_DECEASED',
  'REPRESENTATIVE_NOT_AUTHORIZED',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_CLOSED',
  'ACCOUNT_HOLDER_MISMATCH',
  'PROVIDER_NOT_SUPPORTED',
  'PROVIDER_UNAVAILABLE',
  'OUT_OF_AREA',
  'LINK_NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** Extension key under which subgraphs name the agency behind a SOURCE_UNAVAILABLE error. */
export const SOURCE_EXTENSION = 'source';

/**
 * The error of a field whose source did not answer (ownership.md, Failures): SOURCE_UNAVAILABLE naming the agency,
 * with the original kept as `originalError` for the server log only.
 */
export function sourceUnavailableError(source: AgencyName, originalError?: Error): GraphQLError {
  return new GraphQLError(`${source} is unavailable`, {
    ...(originalError ? { originalError } : {}),
    extensions: { code: 'SOURCE_UNAVAILABLE', [SOURCE_EXTENSION]: source },
  });
}
