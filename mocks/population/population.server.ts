import type {
  PopulationAccountUpdateReceiptWire,
  PopulationBatchGetResponseWire,
  PopulationCitizenWire,
  PopulationErrorWire,
  PopulationPerson,
} from '../../adapters/population/index.js';
import type { Dataset } from '../fixtures/dataset.js';
import {
  CITIZEN_ID_PATTERN,
  fingerprint,
  idList,
  nullableString,
  objectBody,
  oneOf,
  requiredString,
} from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { PopulationData, type StoredSubmission } from './population.data.js';

/** Most IDs one `citizens:batchGet` accepts. */
export const POPULATION_MOCK_MAX_BATCH = 1000;

const GENERIC: Record<GenericFailure, PopulationErrorWire['errorCode']> = {
  BAD_REQUEST: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
};

const error = (status: number, errorCode: PopulationErrorWire['errorCode'], errorMessage: string) =>
  new MockHttpError(status, { errorCode, errorMessage } satisfies PopulationErrorWire);
const bad = (message: string) => error(400, 'INVALID_ARGUMENT', message);

const METHODS = ['BANK_ACCOUNT', 'E_WALLET', 'POST_OFFICE_CASH', 'HOME_DELIVERY'] as const;
const ROLES = ['SELF', 'GUARDIAN', 'AUTHORIZED_PROXY'] as const;
const LIFE = { ALIVE: 'LIVING', DECEASED: 'DECEASED', UNKNOWN: 'UNKNOWN' } as const;

function toWire(p: PopulationPerson): PopulationCitizenWire {
  return {
    id: p.citizenId,
    fullName: p.fullName,
    birthDate: p.dateOfBirth,
    gender: p.sex === 'MALE' ? 'M' : 'F',
    lifeStatus: LIFE[p.vitalStatus],
    deathDate: p.dateOfDeath,
    permanentResidence: p.permanentAddress && {
      communeCode: p.permanentAddress.communeCode,
      provinceCode: p.permanentAddress.provinceCode,
      addressLine: p.permanentAddress.line,
    },
    phoneNumberMasked: p.phoneMasked,
  };
}

function receiptWire(s: StoredSubmission): PopulationAccountUpdateReceiptWire {
  return {
    submissionId: s.receipt.submissionId,
    state: s.receipt.status,
    referenceNumber: s.receipt.reference,
    refusalReason: s.receipt.reason as PopulationAccountUpdateReceiptWire['refusalReason'],
    receivedAt: s.receivedAt,
  };
}

/** The national population database: batch and single citizen lookups, account-update submissions. */
export function createPopulationMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const clock = options.clock ?? (() => new Date());
  const db = new PopulationData(data);
  return createMockServer({
    agency: 'POPULATION',
    clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, errorMessage) => ({ errorCode: GENERIC[failure], errorMessage }) satisfies PopulationErrorWire,
    routes: [
      {
        method: 'POST',
        path: '/api/v1/citizens:batchGet',
        handle: ({ body }) => {
          const ids = idList(objectBody(body, bad)['ids'], 'ids', POPULATION_MOCK_MAX_BATCH, CITIZEN_ID_PATTERN, bad);
          const citizens: PopulationCitizenWire[] = [];
          const notFound: string[] = [];
          for (const id of new Set(ids)) {
            const p = db.person(id);
            if (p) citizens.push(toWire(p));
            else notFound.push(id);
          }
          return { status: 200, body: { citizens, notFound } satisfies PopulationBatchGetResponseWire };
        },
      },
      {
        method: 'GET',
        path: '/api/v1/citizens/{id}',
        handle: ({ params }) => {
          const id = params['id'] ?? '';
          if (!CITIZEN_ID_PATTERN.test(id)) throw bad('id must be 12 digits');
          const p = db.person(id);
          if (!p) throw error(404, 'CITIZEN_NOT_FOUND', 'no such citizen');
          return { status: 200, body: toWire(p) };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/account-updates',
        handle: ({ body }) => {
          const b = objectBody(body, bad);
          const submissionId = requiredString(b['submissionId'], 'submissionId', bad);
          const citizenId = requiredString(b['citizenId'], 'citizenId', bad);
          if (!CITIZEN_ID_PATTERN.test(citizenId)) throw bad('citizenId must be 12 digits');
          const paymentMethod = oneOf(b['paymentMethod'], METHODS, 'paymentMethod', bad);
          const providerCode = requiredString(b['providerCode'], 'providerCode', bad, 32);
          const accountNumber = nullableString(b['accountNumber'], 'accountNumber', bad, 32);
          if ((paymentMethod === 'BANK_ACCOUNT' || paymentMethod === 'E_WALLET') && accountNumber === null) {
            throw bad('accountNumber is required for BANK_ACCOUNT and E_WALLET');
          }
          const recipientRole = oneOf(b['recipientRole'], ROLES, 'recipientRole', bad);
          const recipientCitizenId = requiredString(b['recipientCitizenId'], 'recipientCitizenId', bad);
          if (!CITIZEN_ID_PATTERN.test(recipientCitizenId)) throw bad('recipientCitizenId must be 12 digits');
          const print = fingerprint({ citizenId, paymentMethod, providerCode, accountNumber, recipientRole, recipientCitizenId });
          const previous = db.submission(submissionId);
          if (previous) {
            if (previous.fingerprint !== print) throw error(409, 'SUBMISSION_CONFLICT', 'submissionId reused with other content');
            return { status: 200, body: receiptWire(previous) };
          }
          const stored = db.decide(submissionId, citizenId, print, clock().toISOString());
          return { status: 201, body: receiptWire(stored) };
        },
      },
      {
        method: 'GET',
        path: '/api/v1/account-updates/{submissionId}',
        handle: ({ params }) => {
          const stored = db.submission(params['submissionId'] ?? '');
          if (!stored) throw error(404, 'SUBMISSION_NOT_FOUND', 'no such submission');
          return { status: 200, body: receiptWire(stored) };
        },
      },
    ],
  });
}
