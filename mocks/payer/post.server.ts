import type {
  PayerEventType,
  PostCodeWire,
  PostEnvelopeWire,
  PostPartnerDataWire,
  PostPaymentWire,
  PostResultWire,
  PostSearchResultDataWire,
} from '../../adapters/payer/index.js';
import type { Dataset } from '../fixtures/dataset.js';
import { idList, objectBody, requiredString } from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { PayerData } from './payer.data.js';

/** Most payment ids one `search-result` accepts. */
export const POST_MOCK_MAX_BATCH = 500;

const GENERIC: Record<GenericFailure, PostCodeWire> = {
  BAD_REQUEST: '01',
  NOT_FOUND: '404',
  METHOD_NOT_ALLOWED: '405',
  PAYLOAD_TOO_LARGE: '413',
  UNAVAILABLE: '99',
  INTERNAL: '98',
};

const STATUS: Record<PayerEventType, PostResultWire['status']> = {
  RECEIVED: 'RECEIVED',
  CASH_PAID: 'PAID',
  UNCOLLECTED: 'UNCLAIMED',
  RETURNED: 'RETURNED',
  REJECTED: 'REJECTED',
  CREDITED: 'PAID',
};

const PAYMENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Reads the PostPay partner header fields every body carries; the request id is echoed in every answer. */
function partnerFields(body: unknown): { partnerCode: string; requestId: string; fields: Record<string, unknown> } {
  const requestIdOf = (b: unknown) =>
    b && typeof b === 'object' && typeof (b as Record<string, unknown>)['requestId'] === 'string'
      ? ((b as Record<string, unknown>)['requestId'] as string)
      : null;
  const fail = (code: PostCodeWire, message: string) =>
    new MockHttpError(400, { code, message, requestId: requestIdOf(body) } satisfies PostEnvelopeWire<never>);
  const fields = objectBody(body, (m) => fail('01', m));
  const partnerCode = requiredString(fields['partnerCode'], 'partnerCode', (m) => fail('03', m), 64);
  const requestId = requiredString(fields['requestId'], 'requestId', (m) => fail('01', m), 64);
  return { partnerCode, requestId, fields };
}

/** Vietnam Post (PostPay partner style): partner detail and cash payment results by payment id. */
export function createPostMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const post = new PayerData(data, true);
  const self = post.providers[0];
  return createMockServer({
    agency: 'POST',
    clock: options.clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, message) => ({ code: GENERIC[failure], message, requestId: null }) satisfies PostEnvelopeWire<never>,
    routes: [
      {
        method: 'POST',
        path: '/cob-partner/partner/v1/detail',
        handle: ({ body }) => {
          const { requestId } = partnerFields(body);
          if (!self) throw new MockHttpError(404, { code: '404', message: 'no post provider in the data set', requestId });
          const answer: PostEnvelopeWire<PostPartnerDataWire> = {
            code: '00',
            message: 'Thành công',
            requestId,
            data: { providerCode: self.code, name: self.name, shortName: self.shortName },
          };
          return { status: 200, body: answer };
        },
      },
      {
        method: 'POST',
        path: '/cob-partner/payment/v1/search-result',
        handle: ({ body }) => {
          const { requestId, fields } = partnerFields(body);
          const fail = (code: PostCodeWire, message: string) =>
            new MockHttpError(400, { code, message, requestId } satisfies PostEnvelopeWire<never>);
          const raw = fields['paymentIds'];
          if (Array.isArray(raw) && raw.length > POST_MOCK_MAX_BATCH) throw fail('02', `more than ${POST_MOCK_MAX_BATCH} paymentIds`);
          const ids = idList(raw, 'paymentIds', POST_MOCK_MAX_BATCH, PAYMENT_ID, (m) => fail('01', m));
          const items: PostPaymentWire[] = [];
          for (const id of new Set(ids)) {
            const events = post.eventsOf(id);
            if (events.length === 0) continue;
            items.push({
              paymentId: id,
              results: events.map((e) => ({ status: STATUS[e.type], time: e.at, receiptNo: e.reference, note: e.reason })),
            });
          }
          const answer: PostEnvelopeWire<PostSearchResultDataWire> = { code: '00', message: 'Thành công', requestId, data: { items } };
          return { status: 200, body: answer };
        },
      },
    ],
  });
}
