import { foldName } from '../../schema/index.js';

/** Shortest name a holder-name field is assumed to have been cut at (bank fields hold 20 or more characters). */
const MIN_TRUNCATED_LENGTH = 20;

/**
 * True when two spellings name the same person (domain.md §5): compared folded (case, diacritics, đ/Đ,
 * tone-mark placement and Unicode normalisation do not matter), token by token; a missing middle name is
 * allowed, a different one is not. With `allowTruncation`, a folded prefix of at least 20 characters also
 * agrees (account holder names are cut to the provider's field length).
 */
export function sameName(a: string, b: string, opts: { allowTruncation?: boolean } = {}): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return true;
  const ta = fa.split(' ');
  const tb = fb.split(' ');
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // Family and given name agree and one side simply has no middle name.
  if (short.length === 2 && long.length > 2 && short[0] === long[0] && short[1] === long[long.length - 1]) return true;
  if (opts.allowTruncation) {
    const [s, l] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
    return s.length >= MIN_TRUNCATED_LENGTH && l.startsWith(s);
  }
  return false;
}
