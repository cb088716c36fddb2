import { randomUUID } from 'node:crypto';
import { AgencyRejectedError, AgencyUnavailableError } from '../shared/agency-error.js';
import type { AgencyHttpClient } from '../shared/http-client.js';
import type { CallContext } from '../shared/types.js';
import type { TreasuryAdapter, TreasuryOrderRecord } from './treasury.adapter.js';
import type { TreasuryEnvelopeWire, TreasuryOrderQueryDataWire } from './treasury.wire.js';

/** Most list ids the treasury takes in one funding-order query. */
export const TREASURY_MAX_BATCH = 200;

export interface TreasuryHttpOptions {
  /** Ids per batched request; defaults to the agency's maximum. */
  readonly batchSize?: number;
}

/** `Array.isArray` without widening the element type to `any`. */
const isList = Array.isArray as <T>(v: readonly T[] | null | undefined) => v is readonly T[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The State Treasury over HTTP. */
export function createTreasuryHttpAdapter(client: AgencyHttpClient, options: TreasuryHttpOptions = {}): TreasuryAdapter {
  const batchSize = Math.min(options.batchSize ?? TREASURY_MAX_BATCH, TREASURY_MAX_BATCH);
  return {
    async getOrders(listIds: readonly string[], ctx?: CallContext) {
      const ids = [...new Set(listIds)];
      const correlationId = ctx?.correlationId ?? randomUUID();
      const answers = await Promise.all(
        chunks(ids, batchSize).map((chunk) =>
          client.request<TreasuryEnvelopeWire<TreasuryOrderQueryDataWire>>({
            method: 'POST',
            path: '/treasury/api/v1/funding-orders/query',
            body: { paymentListIds: chunk },
            idempotent: true,
            correlationId,
          }),
        ),
      );
      const found = new Map<string, TreasuryOrderRecord>();
      for (const answer of answers) {
        if (!answer || typeof answer.errorCode !== 'string') throw new AgencyUnavailableError(client.agency, 'unexpected answer');
        if (answer.errorCode !== '0') throw new AgencyRejectedError(client.agency, 'refused', { agencyCode: answer.errorCode });
        if (!isList(answer.data?.orders)) throw new AgencyUnavailableError(client.agency, 'unexpected answer');
        for (const o of answer.data.orders) {
          found.set(o.paymentListId, {
            reference: o.orderNo,
            listId: o.paymentListId,
            amount: o.amountVnd,
            status: o.state,
            createdAt: o.createdTime,
            transferredAt: o.transferredTime,
            rejectReason: o.rejectionReason,
          });
        }
      }
      return found;
    },
  };
}
