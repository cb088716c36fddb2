import type {
  TreasuryEnvelopeWire,
  TreasuryErrorCodeWire,
  TreasuryFundingOrderWire,
  TreasuryOrderQueryDataWire,
  TreasuryOrderRecord,
} from '../../adapters/treasury/index.js';
import type { Dataset } from '../fixtures/dataset.js';
import { idList, objectBody } from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { TreasuryData } from './treasury.data.js';

/** Most list ids one funding-order query accepts. */
export const TREASURY_MOCK_MAX_BATCH = 200;

const GENERIC: Record<GenericFailure, TreasuryErrorCodeWire> = {
  BAD_REQUEST: 'TR01',
  NOT_FOUND: 'TR404',
  METHOD_NOT_ALLOWED: 'TR405',
  PAYLOAD_TOO_LARGE: 'TR413',
  UNAVAILABLE: 'TR99',
  INTERNAL: 'TR98',
};

const error = (status: number, errorCode: TreasuryErrorCodeWire, errorDesc: string) =>
  new MockHttpError(status, { errorCode, errorDesc } satisfies TreasuryEnvelopeWire<never>);
const bad = (message: string) => error(400, 'TR01', message);

function orderWire(o: TreasuryOrderRecord): TreasuryFundingOrderWire {
  return {
    orderNo: o.reference,
    paymentListId: o.listId,
    amountVnd: o.amount,
    state: o.status,
    createdTime: o.createdAt,
    transferredTime: o.transferredAt,
    rejectionReason: o.rejectReason,
  };
}

/** The State Treasury: funding orders looked up in batches by the payment lists they fund. */
export function createTreasuryMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const treasury = new TreasuryData(data);
  return createMockServer({
    agency: 'TREASURY',
    clock: options.clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, errorDesc) => ({ errorCode: GENERIC[failure], errorDesc }) satisfies TreasuryEnvelopeWire<never>,
    routes: [
      {
        method: 'POST',
        path: '/treasury/api/v1/funding-orders/query',
        handle: ({ body }) => {
          const raw = objectBody(body, bad)['paymentListIds'];
          if (Array.isArray(raw) && raw.length > TREASURY_MOCK_MAX_BATCH) {
            throw error(400, 'TR02', `more than ${TREASURY_MOCK_MAX_BATCH} paymentListIds`);
          }
          const ids = idList(raw, 'paymentListIds', TREASURY_MOCK_MAX_BATCH, /^[A-Za-z0-9._:-]{1,64}$/, bad);
          const orders: TreasuryFundingOrderWire[] = [];
          const noOrder: string[] = [];
          for (const id of new Set(ids)) {
            const o = treasury.orderOf(id);
            if (o) orders.push(orderWire(o));
            else noOrder.push(id);
          }
          const answer: TreasuryEnvelopeWire<TreasuryOrderQueryDataWire> = { errorCode: '0', errorDesc: 'OK', data: { orders, noOrder } };
          return { status: 200, body: answer };
        },
      },
    ],
  });
}
