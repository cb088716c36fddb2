import type { CallContext } from '../shared/types.js';

/** The State Treasury's funding order for one monthly payment list. */
export interface TreasuryOrderRecord {
  readonly reference: string;
  /** Id of the payment list it funds. */
  readonly listId: string;
  readonly amount: number;
  readonly status: 'PENDING' | 'TRANSFERRED' | 'REJECTED';
  readonly createdAt: string;
  readonly transferredAt: string | null;
  readonly rejectReason: string | null;
}

/** Client of the State Treasury. */
export interface TreasuryAdapter {
  /** One batched lookup by list id; lists with no order yet are absent. */
  getOrders(listIds: readonly string[], ctx?: CallContext): Promise<Map<string, TreasuryOrderRecord>>;
}
