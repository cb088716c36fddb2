import { randomUUID } from 'node:crypto';
import {
  AgencyError,
  AgencyNotFoundError,
  AgencyRejectedError,
  AgencyUnavailableError,
} from '../shared/agency-error.js';
import type { AgencyHttpClient } from '../shared/http-client.js';
import type { CallContext } from '../shared/types.js';
import type { AccountInquiry, PayerAdapter, PayerEvent, PayerEventType, PaymentRef, ProviderRecord } from './payer.adapter.js';
import type {
  BankEnvelopeWire,
  BankLookupDataWire,
  BankPaymentResultsDataWire,
  BankProviderWire,
  PostEnvelopeWire,
  PostPartnerDataWire,
  PostResultWire,
  PostSearchResultDataWire,
} from './payer.wire.js';

/** Most payment ids the bank gateway takes in one results query. */
export const BANK_MAX_BATCH = 1000;
/** Most payment ids the Post takes in one results query. */
export const POST_MAX_BATCH = 500;
/** The Post's provider code; everything else is a bank or e-wallet behind the bank gateway. */
export const POST_PROVIDER_CODE = 'VNPOST';

/** The two payer clients: the bank gateway (banks and e-wallets) and Vietnam Post. */
export interface PayerHttpClients {
  readonly bank: AgencyHttpClient;
  readonly post: AgencyHttpClient;
}

export interface PayerHttpOptions {
  /** Our partner code at the Post; sent in every body. */
  readonly postPartnerCode?: string;
  readonly bankBatchSize?: number;
  readonly postBatchSize?: number;
}

const POST_TYPE: Record<PostResultWire['status'], PayerEventType> = {
  RECEIVED: 'RECEIVED',
  PAID: 'CASH_PAID',
  UNCLAIMED: 'UNCOLLECTED',
  RETURNED: 'RETURNED',
  REJECTED: 'REJECTED',
};
const BANK_TYPES: ReadonlySet<string> = new Set(['RECEIVED', 'CREDITED', 'REJECTED', 'RETURNED']);

/** `Array.isArray` without widening the element type to `any`. */
const isList = Array.isArray as <T>(v: readonly T[] | null | undefined) => v is readonly T[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The payer organisations over HTTP: banks and e-wallets through the bank gateway, the Post ('VNPOST') directly.
 * Payment results are asked of each payment's own payer, both at once; when one fails the call fails with that
 * payer's error (the BANK one when both fail), so `error.agency` names the missing source.
 */
export function createPayerHttpAdapter(clients: PayerHttpClients, options: PayerHttpOptions = {}): PayerAdapter {
  const { bank, post } = clients;
  const partnerCode = options.postPartnerCode ?? 'ASXH';
  const bankBatch = Math.min(options.bankBatchSize ?? BANK_MAX_BATCH, BANK_MAX_BATCH);
  const postBatch = Math.min(options.postBatchSize ?? POST_MAX_BATCH, POST_MAX_BATCH);
  const unexpected = (client: AgencyHttpClient) => new AgencyUnavailableError(client.agency, 'unexpected answer');

  async function bankCall<T>(req: Parameters<AgencyHttpClient['request']>[0]): Promise<T> {
    const answer = await bank.request<BankEnvelopeWire<T>>(req);
    if (!answer || typeof answer.code !== 'string') throw unexpected(bank);
    if (answer.code !== '00') throw new AgencyRejectedError(bank.agency, 'refused', { agencyCode: answer.code });
    if (answer.data === null || answer.data === undefined) throw unexpected(bank);
    return answer.data;
  }

  async function postCall<T>(path: string, fields: Record<string, unknown>, correlationId: string | undefined): Promise<T> {
    const requestId = randomUUID();
    const answer = await post.request<PostEnvelopeWire<T>>({
      method: 'POST',
      path,
      body: { partnerCode, requestId, ...fields },
      idempotent: true,
      correlationId,
    });
    if (!answer || typeof answer.code !== 'string') throw unexpected(post);
    if (answer.code !== '00') throw new AgencyRejectedError(post.agency, 'refused', { agencyCode: answer.code });
    if (answer.data === undefined) throw unexpected(post);
    return answer.data;
  }

  async function bankEvents(ids: readonly string[], correlationId: string): Promise<PayerEvent[]> {
    const pages = await Promise.all(
      chunks(ids, bankBatch).map((chunk) =>
        bankCall<BankPaymentResultsDataWire>({
          method: 'POST',
          path: '/v2/payment-results',
          body: { paymentIds: chunk },
          idempotent: true,
          correlationId,
        }),
      ),
    );
    const events: PayerEvent[] = [];
    for (const page of pages) {
      if (!isList(page.results)) throw unexpected(bank);
      for (const r of page.results) {
        for (const t of r.transactions) {
          if (!BANK_TYPES.has(t.status)) throw unexpected(bank);
          events.push({ paymentId: r.paymentId, providerCode: r.bin, type: t.status, at: t.time, reference: t.transactionRef, reason: t.reason });
        }
      }
    }
    return events;
  }

  async function postEvents(ids: readonly string[], correlationId: string): Promise<PayerEvent[]> {
    const pages = await Promise.all(
      chunks(ids, postBatch).map((chunk) =>
        postCall<PostSearchResultDataWire>('/cob-partner/payment/v1/search-result', { paymentIds: chunk }, correlationId),
      ),
    );
    const events: PayerEvent[] = [];
    for (const page of pages) {
      if (!isList(page.items)) throw unexpected(post);
      for (const item of page.items) {
        for (const r of item.results) {
          const type = POST_TYPE[r.status];
          if (type === undefined) throw unexpected(post);
          events.push({ paymentId: item.paymentId, providerCode: POST_PROVIDER_CODE, type, at: r.time, reference: r.receiptNo, reason: r.note });
        }
      }
    }
    return events;
  }

  return {
    async getProviders(ctx?: CallContext): Promise<readonly ProviderRecord[]> {
      const [banks, postInfo] = await Promise.all([
        bankCall<BankProviderWire[]>({ method: 'GET', path: '/v2/banks', idempotent: true, correlationId: ctx?.correlationId }),
        postCall<PostPartnerDataWire>('/cob-partner/partner/v1/detail', {}, ctx?.correlationId),
      ]);
      if (!isList(banks)) throw unexpected(bank);
      return [
        ...banks.map((b): ProviderRecord => ({
          code: b.bin,
          name: b.name,
          shortName: b.shortName,
          kind: b.type === 'EWALLET' ? 'E_WALLET' : 'BANK',
        })),
        { code: postInfo.providerCode, name: postInfo.name, shortName: postInfo.shortName, kind: 'POST' },
      ];
    },

    async inquireAccount(providerCode: string, accountNumber: string, ctx?: CallContext): Promise<AccountInquiry | null> {
      // The Post keeps no accounts to inquire about.
      if (providerCode === POST_PROVIDER_CODE) {
        throw new AgencyRejectedError(post.agency, 'provider does not support name inquiry', { agencyCode: 'PROVIDER_NOT_SUPPORTED' });
      }
      let data: BankLookupDataWire;
      try {
        data = await bankCall<BankLookupDataWire>({
          method: 'POST',
          path: '/v2/lookup',
          body: { bin: providerCode, accountNumber },
          idempotent: true,
          correlationId: ctx?.correlationId,
        });
      } catch (e) {
        // vietqr codes: '43' unknown account, '41' bank unsupported, '42' malformed account number.
        if (e instanceof AgencyNotFoundError || (e instanceof AgencyError && e.agencyCode === '43')) return null;
        if (e instanceof AgencyRejectedError && e.agencyCode === '41') {
          throw new AgencyRejectedError(bank.agency, 'provider not supported', { cause: e, agencyCode: 'PROVIDER_NOT_SUPPORTED' });
        }
        if (e instanceof AgencyRejectedError && e.agencyCode === '42') {
          throw new AgencyRejectedError(bank.agency, 'invalid account number', { cause: e, agencyCode: 'INVALID_ACCOUNT_NUMBER' });
        }
        throw e;
      }
      if (data.accountStatus !== 'ACTIVE' && data.accountStatus !== 'CLOSED') throw unexpected(bank);
      return {
        providerCode: data.bin,
        accountNumber: data.accountNumber,
        holderName: data.accountName,
        status: data.accountStatus === 'ACTIVE' ? 'OPEN' : 'CLOSED',
      };
    },

    async getPaymentEvents(payments: readonly PaymentRef[], ctx?: CallContext) {
      const result = new Map<string, PayerEvent[]>();
      const postIds = [...new Set(payments.filter((p) => p.providerCode === POST_PROVIDER_CODE).map((p) => p.paymentId))];
      const bankIds = [...new Set(payments.filter((p) => p.providerCode !== POST_PROVIDER_CODE).map((p) => p.paymentId))];
      if (postIds.length === 0 && bankIds.length === 0) return result;
      const correlationId = ctx?.correlationId ?? randomUUID();
      const [fromBank, fromPost] = await Promise.allSettled([
        bankIds.length ? bankEvents(bankIds, correlationId) : Promise.resolve([]),
        postIds.length ? postEvents(postIds, correlationId) : Promise.resolve([]),
      ]);
      if (fromBank.status === 'rejected') throw fromBank.reason;
      if (fromPost.status === 'rejected') throw fromPost.reason;
      for (const e of [...fromBank.value, ...fromPost.value]) {
        const list = result.get(e.paymentId);
        if (list) list.push(e);
        else result.set(e.paymentId, [e]);
      }
      // Each payer reports in time order; a payment both report on needs the two merged.
      for (const list of result.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      return result;
    },
  };
}
