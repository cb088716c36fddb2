/**
 * Vietnamese name folding (domain.md §5): NFC → NFD, drop combining marks, Đ/đ → D, uppercase, collapse
 * whitespace. Tone-mark placement ("Thủy"/"Thuỷ") and normalisation form then no longer matter.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFC')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[Đđ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when two names denote the same person's name once folded (bank names are folded already). */
export const namesMatch = (a: string, b: string): boolean => foldName(a) === foldName(b);
