import { MockHttpError } from './mock-http-error.js';

/** Builds the agency's 400 for one bad input; each server passes its own error body. */
export type BadInput = (message: string) => MockHttpError;

/** A JSON object body, or a 400. */
export function objectBody(body: unknown, bad: BadInput): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A non-empty list of at most `max` strings matching `pattern`, or a 400. */
export function idList(value: unknown, field: string, max: number, pattern: RegExp, bad: BadInput): string[] {
  if (!Array.isArray(value)) throw bad(`${field} must be an array`);
  if (value.length === 0) throw bad(`${field} must not be empty`);
  if (value.length > max) throw bad(`${field} holds more than ${max} items`);
  for (const v of value) if (typeof v !== 'string' || !pattern.test(v)) throw bad(`${field} holds a malformed id`);
  return value as string[];
}

/** A string of 1..maxLength characters, or a 400. */
export function requiredString(value: unknown, field: string, bad: BadInput, maxLength = 255): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw bad(`${field} must be a string of 1..${maxLength} characters`);
  }
  return value;
}

/** A string or null (absent counts as null), or a 400. */
export function nullableString(value: unknown, field: string, bad: BadInput, maxLength = 255): string | null {
  if (value === null || value === undefined) return null;
  return requiredString(value, field, bad, maxLength);
}

/** One of a closed set of strings, or a 400. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, bad: BadInput): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw bad(`${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** An optional query parameter from a closed set, or a 400. */
export function optionalOneOf<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  bad: BadInput,
): T | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  return oneOf(v, allowed, name, bad);
}

/** An integer query parameter in min..max with a default, or a 400. */
export function intParam(query: URLSearchParams, name: string, min: number, max: number, dflt: number, bad: BadInput): number {
  const v = query.get(name);
  if (v === null || v === '') return dflt;
  if (!/^[0-9]+$/.test(v)) throw bad(`${name} must be an integer in ${min}..${max}`);
  const n = Number(v);
  if (n < min || n > max) throw bad(`${name} must be an integer in ${min}..${max}`);
  return n;
}

/**
 * A comma-separated list parameter: undefined when absent (no restriction), [] when present but empty.
 * Each item must match `pattern`.
 */
export function listParam(query: URLSearchParams, name: string, pattern: RegExp, bad: BadInput): string[] | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  if (v === '') return [];
  const items = v.split(',');
  for (const i of items) if (!pattern.test(i)) throw bad(`${name} holds a malformed item`);
  return items;
}

export const CITIZEN_ID_PATTERN = /^[0-9]{12}$/;
export const AREA_PATTERN = /^(?:[0-9]{2}|[0-9]{5})$/;
/** Area codes plus '*' for nationwide visibility. */
export const VISIBLE_AREA_PATTERN = /^(?:\*|[0-9]{2}|[0-9]{5})$/;
export const PERIOD_PATTERN = /^20[0-9]{2}-(?:0[1-9]|1[0-2])$/;

/** A stable fingerprint of a write's content, to tell a replay from a reuse of its idempotency key. */
export function fingerprint(value: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(value).sort().map((k) => [k, value[k] ?? null]));
}
