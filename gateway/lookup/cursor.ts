import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** What a search cursor stands for: the last citizen ID seen, and the overlap count of its search when known. */
export interface CursorState {
  readonly afterCitizenId: string;
  /** People both roots match, counted once for the search `searchKey` names. */
  readonly overlap?: { readonly count: number; readonly searchKey: string };
}

/** A short digest naming one search (filter and the caller's areas), so a snapshot is reused only for it. */
export function searchKey(filter: Readonly<Record<string, unknown>>, areas: readonly string[]): string {
  const sorted = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify([sorted, [...areas].sort()])).digest('base64url').slice(0, 16);
}

/** Opaque keyset cursor: versioned JSON, base64url. */
export function encodeCursor(state: CursorState): string {
  const body = state.overlap ? { v: 1, k: state.afterCitizenId, o: state.overlap.count, s: state.overlap.searchKey } : { v: 1, k: state.afterCitizenId };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The state a cursor stands for; BAD_USER_INPUT for anything this gateway did not issue. */
export function decodeCursor(cursor: string): CursorState {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; k?: unknown; o?: unknown; s?: unknown };
    if (parsed.v === 1 && typeof parsed.k === 'string' && /^[0-9]{12}$/.test(parsed.k)) {
      const overlap =
        Number.isSafeInteger(parsed.o) && (parsed.o as number) >= 0 && typeof parsed.s === 'string'
          ? { count: parsed.o as number, searchKey: parsed.s }
          : undefined;
      return overlap ? { afterCitizenId: parsed.k, overlap } : { afterCitizenId: parsed.k };
    }
  } catch {
    // fall through to the coded error
  }
  throw new GraphQLError('after is not a cursor from this API', { extensions: { code: 'BAD_USER_INPUT' } });
}
