import type {
  AccountInquiry,
  BankCodeWire,
  BankEnvelopeWire,
  BankLookupDataWire,
  BankPaymentResultsDataWire,
  BankPaymentResultWire,
  BankProviderWire,
} from '../../adapters/payer/index.js';
import type { Dataset } from '../fixtures/dataset.js';
import { idList, objectBody } from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { PayerData } from './payer.data.js';

/** Most payment ids one `/v2/payment-results` accepts. */
export const BANK_MOCK_MAX_BATCH = 1000;

const GENERIC: Record<GenericFailure, BankCodeWire> = {
  BAD_REQUEST: '40',
  NOT_FOUND: '404',
  METHOD_NOT_ALLOWED: '405',
  PAYLOAD_TOO_LARGE: '413',
  UNAVAILABLE: '99',
  INTERNAL: '98',
};

const error = (status: number, code: BankCodeWire, desc: string) =>
  new MockHttpError(status, { code, desc, data: null } satisfies BankEnvelopeWire<null>);
const bad = (message: string) => error(400, '40', message);
const ok = <T>(desc: string, data: T): BankEnvelopeWire<T> => ({ code: '00', desc, data });

const PAYMENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** vietqr: an account (or wallet) number is 6 to 19 digits. */
const ACCOUNT_NUMBER = /^[0-9]{6,19}$/;

function lookupWire(a: AccountInquiry): BankLookupDataWire {
  return {
    bin: a.providerCode,
    accountNumber: a.accountNumber,
    accountName: a.holderName,
    accountStatus: a.status === 'OPEN' ? 'ACTIVE' : 'CLOSED',
  };
}

/**
 * The bank side of the payers: one NAPAS / vietqr.io-style gateway in front of every bank and e-wallet of the data
 * set, keyed by BIN or wallet code. Name inquiry answers '41' (HTTP 422) for a provider it does not serve, '42'
 * (HTTP 400) for a malformed account number and '43' (HTTP 404) for an unknown account.
 */
export function createBankMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const banks = new PayerData(data, false);
  const providers: BankProviderWire[] = banks.providers.map((p) => ({
    bin: p.code,
    name: p.name,
    shortName: p.shortName,
    type: p.kind === 'E_WALLET' ? 'EWALLET' : 'BANK',
    lookupSupported: 1,
  }));
  return createMockServer({
    agency: 'BANK',
    clock: options.clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, desc) => ({ code: GENERIC[failure], desc, data: null }) satisfies BankEnvelopeWire<null>,
    routes: [
      {
        method: 'GET',
        path: '/v2/banks',
        handle: () => ({ status: 200, body: ok('Get Bank list successful!', providers) }),
      },
      {
        method: 'POST',
        path: '/v2/lookup',
        handle: ({ body }) => {
          const b = objectBody(body, bad);
          const bin = b['bin'];
          const accountNumber = b['accountNumber'];
          if (typeof bin !== 'string' || typeof accountNumber !== 'string') throw bad('bin and accountNumber must be strings');
          if (!banks.serves(bin)) throw error(422, '41', 'Bank is not supported');
          if (!ACCOUNT_NUMBER.test(accountNumber)) throw error(400, '42', 'Invalid account number');
          const account = banks.account(bin, accountNumber);
          if (!account) throw error(404, '43', 'Account not found');
          return { status: 200, body: ok<BankLookupDataWire>('success', lookupWire(account)) };
        },
      },
      {
        method: 'POST',
        path: '/v2/payment-results',
        handle: ({ body }) => {
          const raw = objectBody(body, bad)['paymentIds'];
          if (Array.isArray(raw) && raw.length > BANK_MOCK_MAX_BATCH) throw error(400, '44', `more than ${BANK_MOCK_MAX_BATCH} paymentIds`);
          const ids = idList(raw, 'paymentIds', BANK_MOCK_MAX_BATCH, PAYMENT_ID, bad);
          const results: BankPaymentResultWire[] = [];
          for (const id of new Set(ids)) {
            const events = banks.eventsOf(id);
            if (events.length === 0) continue;
            results.push({
              paymentId: id,
              bin: (events[0] as (typeof events)[number]).providerCode,
              transactions: events.map((e) => {
                if (e.type === 'CASH_PAID' || e.type === 'UNCOLLECTED') throw error(500, '98', 'data set holds a cash event at a bank');
                return { status: e.type, time: e.at, transactionRef: e.reference, reason: e.reason };
              }),
            });
          }
          return { status: 200, body: ok<BankPaymentResultsDataWire>('success', { results }) };
        },
      },
    ],
  });
}
