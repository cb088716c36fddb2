import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AGENCIES, describeError, isPublicErrorCode, SOURCE_EXTENSION, type Logger, type PublicErrorCode } from '../../schema/index.js';
import { maskDigits } from '../../schema/pii.js';

/** Client-error codes Apollo Server produces itself, mapped onto the public ones (they are not server faults). */
const APOLLO_CLIENT_CODES: Readonly<Record<string, PublicErrorCode>> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
};

/** What a client reads when the original message cannot be shown. */
export const GENERIC_MESSAGES: Readonly<Record<PublicErrorCode, string>> = {
  UNAUTHENTICATED: 'A valid access token is required',
  FORBIDDEN: 'Not allowed',
  BAD_USER_INPUT: 'Invalid input',
  GRAPHQL_VALIDATION_FAILED: 'The operation is not valid against the schema',
  GRAPHQL_PARSE_FAILED: 'The operation could not be parsed',
  QUERY_TOO_COMPLEX: 'The operation is too large or too complex',
  RATE_LIMITED: 'Too many requests',
  SOURCE_UNAVAILABLE: 'A data source is unavailable',
  INTERNAL_SERVER_ERROR: 'Internal server error',
};

const AGENCY_NAMES: ReadonlySet<string> = new Set(AGENCIES);

// Content that only an internal failure puts in a message: stack frames, URLs, host addresses, file paths, SQL.
const UNSAFE: readonly RegExp[] = [
  /\n\s*at\s|\bat\s+\S+\s+\(?\S+:\d+:\d+\)?/,
  /\b[a-z][a-z0-9+.-]*:\/\/\S/i,
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/,
  /(?:^|[\s("'])(?:\/[\w.@-]+){2,}/,
  /\b[A-Za-z]:\\\w/,
  /\bselect\b[\s\S]+\bfrom\b|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+\S+\s+set\b|\bdrop\s+(?:table|schema)\b/i,
  /syntax error at or near|\bSQLITE_[A-Z]+|\brelation\s+"[^"]*"|duplicate key value|violates .* constraint|\bECONN[A-Z]+\b|\bETIMEDOUT\b/i,
];
const MAX_MESSAGE_LENGTH = 400;

/**
 * The message a client may read for an error of `code`: graphql-js's echoes of rejected input values are cut
 * (they may be citizen IDs), long digit runs masked, and anything carrying internals replaced by a generic text.
 */
export function sanitizeMessage(code: PublicErrorCode, message: string): string {
  if (code === 'INTERNAL_SERVER_ERROR') return GENERIC_MESSAGES.INTERNAL_SERVER_ERROR;
  const cut = message
    // Variable coercion: `Variable "$id" got invalid value "0380…" at "ids[0]"; CitizenId must be …`
    .replace(/got invalid value [\s\S]*?(?=(?: at "[^"]*")?; |$)/, 'got an invalid value')
    // Literal validation: `Expected value of type "CitizenId!", found "0380…"; …`
    .replace(/(Expected value of type "[^"]*", found )[\s\S]*?(?=; |\.?$)/, '$1an invalid value')
    // Built-in scalars: `String cannot represent a non string value: …`
    .replace(/(cannot represent[^:]*):[\s\S]*$/, '$1.');
  if (cut.length > MAX_MESSAGE_LENGTH || UNSAFE.some((re) => re.test(cut))) return GENERIC_MESSAGES[code];
  return maskDigits(cut);
}

/** The public code for whatever code an error carried; anything unknown is an internal error. */
export function publicCode(raw: unknown): PublicErrorCode {
  if (isPublicErrorCode(raw)) return raw;
  return (typeof raw === 'string' ? APOLLO_CLIENT_CODES[raw] : undefined) ?? 'INTERNAL_SERVER_ERROR';
}

/**
 * Apollo `formatError`: only the codes of scopes.md leave the gateway, with a safe message, `path`, `locations`
 * and, for SOURCE_UNAVAILABLE, the agency; every other extension (stack traces, `http`, upstream details) is dropped.
 */
export function formatPublicError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = publicCode(formatted.extensions?.code);
  const extensions: Record<string, unknown> = { code };
  const source = formatted.extensions?.[SOURCE_EXTENSION];
  if (code === 'SOURCE_UNAVAILABLE' && typeof source === 'string' && AGENCY_NAMES.has(source)) extensions[SOURCE_EXTENSION] = source;
  return {
    message: sanitizeMessage(code, formatted.message),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

/** A public GraphQL error body for answers the gateway gives itself (401, 413, 429…). */
export function errorBody(code: PublicErrorCode, requestId: string, message: string = GENERIC_MESSAGES[code], path?: readonly (string | number)[]) {
  return { errors: [{ message: sanitizeMessage(code, message), ...(path ? { path } : {}), extensions: { code, requestId } }] };
}

/**
 * Logs every error of an operation with its request id (originals of masked ones in full, the rest by code only,
 * so rejected input is never echoed), then stamps `extensions.requestId` on each error the client will read.
 */
export function errorMaskingPlugin(logger: Logger, onMasked?: () => void): ApolloServerPlugin<{ readonly requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const raw = error.extensions?.code;
            const code = publicCode(raw);
            const at = { requestId: contextValue.requestId, path: error.path };
            if (code === 'INTERNAL_SERVER_ERROR') {
              onMasked?.();
              logger.error('masked error', { ...at, code: raw, ...describeError(originalOf(error)) });
            } else if (code === 'SOURCE_UNAVAILABLE') {
              logger.warn('source unavailable', { ...at, source: error.extensions?.[SOURCE_EXTENSION] });
            } else {
              logger.info('operation error', { ...at, code });
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors) {
            response.body.singleResult.errors = errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } }));
          }
        },
      };
    },
  };
}

const originalOf = (error: GraphQLError): unknown => error.originalError ?? error;
