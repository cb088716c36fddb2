import { GraphQLError } from 'graphql';
import type { AgencyError } from '../../adapters/shared/index.js';
import { sourceUnavailableError, type AgencyName } from '../../schema/index.js';

/** A field whose source did not answer: `null` at its path with this error (ownership.md, Failures). */
export function sourceUnavailable(source: AgencyName): GraphQLError {
  return sourceUnavailableError(source);
}

/** A field the caller's scopes do not grant; raised before any agency is called. */
export function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}

/** A bad argument that the scalars could not catch (limits, cursors). */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Maps an adapter failure to the one GraphQL error a client may see. The agency's own message never
 * reaches the client; the original travels as `originalError` for the server log.
 */
export function mapAgencyError(error: AgencyError, source: AgencyName): GraphQLError {
  switch (error.code) {
    case 'UNAVAILABLE':
    case 'TIMEOUT':
      return sourceUnavailableError(source, error);
    case 'NOT_FOUND':
    case 'REJECTED':
      return new GraphQLError('Internal error', { originalError: error, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    default: {
      const unreachable: never = error.code;
      return unreachable;
    }
  }
}
