/*
 * The payments subgraph issues `PaymentBatch.id` (subgraphs/payments/payment-ids.ts): base64url JSON
 * `{ v: 1, t: 'B', …, l: <list ID at the root agency> }`. The treasury keys its funding orders by that list ID,
 * which is all this subgraph reads from it. Subgraphs do not import each other, so the two sides are kept in
 * step by the payments integration test, which resolves `treasuryOrder` through the gateway.
 */

/** The agency list ID inside a batch ID; null for anything the payments subgraph did not issue. */
export function listIdOf(batchId: string): string | null {
  try {
    const w: unknown = JSON.parse(Buffer.from(batchId, 'base64url').toString('utf8'));
    if (typeof w !== 'object' || w === null) return null;
    const { v, t, l } = w as { v?: unknown; t?: unknown; l?: unknown };
    return v === 1 && t === 'B' && typeof l === 'string' && l.length > 0 ? l : null;
  } catch {
    return null;
  }
}
