import type { AccountInquiry, PayerEvent, ProviderRecord } from '../../adapters/payer/index.js';
import type { Dataset } from '../fixtures/dataset.js';

/**
 * One payer's part of the data set (the banks' and e-wallets', or the Post's), indexed once. A million people
 * carry millions of events, so events are indexed without an array per payment: the first event of each payment
 * in a map, the rest chained through an Int32Array in data-set order.
 */
export class PayerData {
  readonly providers: readonly ProviderRecord[];
  private readonly providerCodes: ReadonlySet<string>;
  private readonly accountsByProvider = new Map<string, Map<string, AccountInquiry>>();
  private readonly events: readonly PayerEvent[];
  private readonly firstEvent = new Map<string, number>();
  private readonly nextEvent: Int32Array;

  /** `post` selects the Post's share (providers of kind POST); otherwise every bank and e-wallet. */
  constructor(data: Dataset, post: boolean) {
    const postCodes = new Set(data.providers.filter((p) => p.kind === 'POST').map((p) => p.code));
    const mine = (providerCode: string) => postCodes.has(providerCode) === post;
    this.providers = data.providers.filter((p) => mine(p.code));
    this.providerCodes = new Set(this.providers.map((p) => p.code));
    for (const a of data.accounts) {
      if (!mine(a.providerCode)) continue;
      let accounts = this.accountsByProvider.get(a.providerCode);
      if (!accounts) this.accountsByProvider.set(a.providerCode, (accounts = new Map()));
      accounts.set(a.accountNumber, a);
    }
    this.events = data.payerEvents;
    this.nextEvent = new Int32Array(this.events.length).fill(-1);
    // Walking backwards, each event points at the one that followed it, so chains come out in data-set (time) order.
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i] as PayerEvent;
      if (!mine(e.providerCode)) continue;
      const head = this.firstEvent.get(e.paymentId);
      if (head !== undefined) this.nextEvent[i] = head;
      this.firstEvent.set(e.paymentId, i);
    }
  }

  serves(providerCode: string): boolean {
    return this.providerCodes.has(providerCode);
  }

  account(providerCode: string, accountNumber: string): AccountInquiry | undefined {
    return this.accountsByProvider.get(providerCode)?.get(accountNumber);
  }

  /** The payment's events in time order; empty when this payer has none. */
  eventsOf(paymentId: string): PayerEvent[] {
    const out: PayerEvent[] = [];
    for (let i = this.firstEvent.get(paymentId) ?? -1; i >= 0; i = this.nextEvent[i] as number) out.push(this.events[i] as PayerEvent);
    return out;
  }
}
