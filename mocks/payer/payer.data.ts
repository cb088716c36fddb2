import type { AccountInquiry, PayerEvent, ProviderRecord } from '../../adapters/payer/index.js';
import type { Dataset } from '../fixtures/dataset.js';

/** One payer's part of the data set (the banks' and e-wallets', or the Post's), indexed once. */
export class PayerData {
  readonly providers: readonly ProviderRecord[];
  private readonly providerCodes: ReadonlySet<string>;
  private readonly accounts = new Map<string, AccountInquiry>();
  private readonly eventsByPayment = new Map<string, PayerEvent[]>();

  /** `post` selects the Post's share (providers of kind POST); otherwise every bank and e-wallet. */
  constructor(data: Dataset, post: boolean) {
    const postCodes = new Set(data.providers.filter((p) => p.kind === 'POST').map((p) => p.code));
    const mine = (providerCode: string) => postCodes.has(providerCode) === post;
    this.providers = data.providers.filter((p) => mine(p.code));
    this.providerCodes = new Set(this.providers.map((p) => p.code));
    for (const a of data.accounts) if (mine(a.providerCode)) this.accounts.set(`${a.providerCode}|${a.accountNumber}`, a);
    for (const e of data.payerEvents) {
      if (!mine(e.providerCode)) continue;
      const list = this.eventsByPayment.get(e.paymentId);
      if (list) list.push(e);
      else this.eventsByPayment.set(e.paymentId, [e]);
    }
  }

  serves(providerCode: string): boolean {
    return this.providerCodes.has(providerCode);
  }

  account(providerCode: string, accountNumber: string): AccountInquiry | undefined {
    return this.accounts.get(`${providerCode}|${accountNumber}`);
  }

  events(paymentId: string): readonly PayerEvent[] | undefined {
    return this.eventsByPayment.get(paymentId);
  }
}
