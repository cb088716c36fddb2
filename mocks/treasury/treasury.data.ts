import type { TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import type { Dataset } from '../fixtures/dataset.js';

/** The treasury's funding orders, indexed once by the payment list they fund. */
export class TreasuryData {
  private readonly byListId = new Map<string, TreasuryOrderRecord>();

  constructor(data: Dataset) {
    for (const o of data.treasuryOrders) this.byListId.set(o.listId, o);
  }

  orderOf(listId: string): TreasuryOrderRecord | undefined {
    return this.byListId.get(listId);
  }
}
