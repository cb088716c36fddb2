import { badUserInput } from '../shared/errors.js';

/*
 * Public IDs and cursors. The agencies only answer list queries by period, area and program, so an ID carries
 * where to find its payment or list again: the root agency, period, commune, program and the agency's own IDs,
 * versioned, as base64url JSON. They carry no personal data (no citizen ID, no account number).
 *
 * The batch ID format is also read by the treasury subgraph (subgraphs/treasury/batch-id.ts), which needs only
 * the list ID out of it; change both together.
 */

/** The two root agencies that draw up monthly lists. */
export type ListRoot = 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE';

const ROOT_CODE: Readonly<Record<ListRoot, string>> = { LABOR_REGISTRY: 'L', SOCIAL_INSURANCE: 'S' };
const ROOT_OF: Readonly<Record<string, ListRoot>> = { L: 'LABOR_REGISTRY', S: 'SOCIAL_INSURANCE' };

/** Where a payment list lives at its agency. */
export interface ListLocator {
  readonly root: ListRoot;
  readonly period: string;
  readonly communeCode: string;
  readonly program: string;
  readonly listId: string;
}

/** Where one payment lives: its list and the agency's payment ID. */
export interface PaymentLocator extends ListLocator {
  readonly paymentId: string;
}

interface BatchWire {
  readonly v: 1;
  readonly t: 'B';
  readonly r: string;
  readonly p: string;
  readonly a: string;
  readonly g: string;
  readonly l: string;
}
interface PaymentWire extends Omit<BatchWire, 't'> {
  readonly t: 'P';
  readonly i: string;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(id: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function locator(w: Record<string, unknown>): ListLocator | null {
  const root = str(w.r) ? ROOT_OF[w.r] : undefined;
  if (w.v !== 1 || !root || !str(w.p) || !str(w.a) || !str(w.g) || !str(w.l)) return null;
  return { root, period: w.p, communeCode: w.a, program: w.g, listId: w.l };
}

/** The public ID of a payment list (`PaymentBatch.id`). */
export function encodeBatchId(l: ListLocator): string {
  const wire: BatchWire = { v: 1, t: 'B', r: ROOT_CODE[l.root], p: l.period, a: l.communeCode, g: l.program, l: l.listId };
  return encode(wire);
}

/** The list a batch ID stands for; null for anything this API did not issue. */
export function decodeBatchId(id: string): ListLocator | null {
  const w = decode(id);
  return w && w.t === 'B' ? locator(w) : null;
}

/** The public ID of a payment (`Payment.id`). */
export function encodePaymentId(p: PaymentLocator): string {
  const wire: PaymentWire = { v: 1, t: 'P', r: ROOT_CODE[p.root], p: p.period, a: p.communeCode, g: p.program, l: p.listId, i: p.paymentId };
  return encode(wire);
}

/** The payment an ID stands for; null for anything this API did not issue. */
export function decodePaymentId(id: string): PaymentLocator | null {
  const w = decode(id);
  if (!w || w.t !== 'P' || !str(w.i)) return null;
  const l = locator(w);
  return l ? { ...l, paymentId: w.i } : null;
}

/** An opaque keyset cursor over an ordered sort key. */
export function encodeCursor(key: readonly string[]): string {
  return encode({ v: 1, c: key });
}

/** The sort key a cursor stands for; BAD_USER_INPUT for anything this API did not issue. */
export function decodeCursor(cursor: string): readonly string[] {
  const w = decode(cursor);
  if (w && w.v === 1 && Array.isArray(w.c) && w.c.every((k) => typeof k === 'string')) return w.c as string[];
  throw badUserInput('after is not a cursor from this API');
}

/** Orders sort keys element by element (plain code-unit order, like the agencies' IDs). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
