import { GraphQLError } from 'graphql';
import { SOURCE_EXTENSION, type AgencyName } from '../../schema/index.js';
import type { Part } from '../alerts/alert.types.js';

/**
 * Reads a helper field that arrived through a `selectionSet`. Stitching hands failed fields over as Error
 * values: FORBIDDEN means the caller may not read it (rules stay silent), anything else means the source
 * did not answer.
 */
export function toPart<T>(value: unknown, source: AgencyName): Part<T> {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Error) {
    const ext = value instanceof GraphQLError ? value.extensions : (value as { extensions?: Record<string, unknown> }).extensions;
    if (ext?.code === 'FORBIDDEN') return undefined;
    const named = ext?.[SOURCE_EXTENSION];
    return { unavailable: (typeof named === 'string' ? named : source) as AgencyName };
  }
  return value as T;
}

/** The error a composed field raises when none of its sources answered. */
export function sourceUnavailableError(source: AgencyName): GraphQLError {
  return new GraphQLError(`${source} is unavailable`, { extensions: { code: 'SOURCE_UNAVAILABLE', [SOURCE_EXTENSION]: source } });
}

/** A plain copy of stitched data, so default resolvers read it by field name whatever the client's aliases. */
export function plain<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
