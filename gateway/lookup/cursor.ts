import { GraphQLError } from 'graphql';

/** Opaque keyset cursor: the last citizen ID of a page, versioned, base64url. */
export function encodeCursor(citizenId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: citizenId })).toString('base64url');
}

/** The citizen ID a cursor stands for; BAD_USER_INPUT for anything this gateway did not issue. */
export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; k?: unknown };
    if (parsed.v === 1 && typeof parsed.k === 'string' && /^[0-9]{12}$/.test(parsed.k)) return parsed.k;
  } catch {
    // fall through to the coded error
  }
  throw new GraphQLError('after is not a cursor from this API', { extensions: { code: 'BAD_USER_INPUT' } });
}
