import { SOURCE_EXTENSION, type AgencyName } from '../../schema/index.js';
import type { Part } from '../alerts/alert.types.js';

const extensionsOf = (e: Error): Record<string, unknown> | undefined => (e as { extensions?: Record<string, unknown> }).extensions;

/** The single errors an error value stands for (stitching hands several errors for one field over as an AggregateError). */
export function innerErrors(error: Error): Error[] {
  return error instanceof AggregateError && error.errors.length ? error.errors.filter((e): e is Error => e instanceof Error) : [error];
}

/**
 * Reads a helper field that arrived from a subgraph. Stitching hands failed fields over as Error values:
 * FORBIDDEN means the caller may not read it (rules stay silent), anything else means the source did not answer.
 */
export function toPart<T>(value: unknown, source: AgencyName): Part<T> {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Error) {
    const errors = innerErrors(value);
    if (errors.some((e) => extensionsOf(e)?.code === 'FORBIDDEN')) return undefined;
    const named = errors.map((e) => extensionsOf(e)?.[SOURCE_EXTENSION]).filter((s): s is AgencyName => typeof s === 'string');
    return { unavailable: named.length ? [...new Set(named)] : [source] };
  }
  return value as T;
}

export { sourceUnavailableError } from '../../schema/index.js';

/** A plain copy of stitched data, so default resolvers read it by field name whatever the client's aliases. */
export function plain<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
