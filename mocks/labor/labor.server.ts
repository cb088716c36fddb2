import type {
  LaborAreasResponseWire,
  LaborBatchLookupResponseWire,
  LaborBeneficiaryWire,
  LaborErrorWire,
  LaborPaymentListsResponseWire,
  LaborPaymentListWire,
  LaborPaymentMethodResponseWire,
  LaborPaymentOnFileWire,
  LaborSearchResponseWire,
  RegistryBeneficiary,
} from '../../adapters/labor/index.js';
import type { PaymentList, PaymentOnFile } from '../../adapters/shared/types.js';
import type { Dataset } from '../fixtures/dataset.js';
import {
  AREA_PATTERN,
  CITIZEN_ID_PATTERN,
  PERIOD_PATTERN,
  VISIBLE_AREA_PATTERN,
  fingerprint,
  idList,
  intParam,
  listParam,
  nullableString,
  objectBody,
  oneOf,
  optionalOneOf,
  requiredString,
} from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { LaborData, type RecordedUpdate } from './labor.data.js';

/** Most citizen IDs one batch lookup accepts. */
export const LABOR_MOCK_MAX_BATCH = 500;
/** Largest search page. */
export const LABOR_MOCK_MAX_PAGE = 500;

const GENERIC: Record<GenericFailure, LaborErrorWire['error']> = {
  BAD_REQUEST: 'invalid_request',
  NOT_FOUND: 'not_found',
  METHOD_NOT_ALLOWED: 'method_not_allowed',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNAVAILABLE: 'temporarily_unavailable',
  INTERNAL: 'server_error',
};

const error = (status: number, code: LaborErrorWire['error'], error_description: string) =>
  new MockHttpError(status, { error: code, error_description } satisfies LaborErrorWire);
const bad = (message: string) => error(400, 'invalid_request', message);

const PROGRAMS = ['SOCIAL_ASSISTANCE', 'MERIT_ALLOWANCE', 'PENSION', 'SOCIAL_INSURANCE_ALLOWANCE', 'UNEMPLOYMENT_BENEFIT'] as const;
const STATUSES = ['ACTIVE', 'SUSPENDED', 'ENDED'] as const;
const METHODS = ['BANK_ACCOUNT', 'E_WALLET', 'POST_OFFICE_CASH', 'HOME_DELIVERY'] as const;
const ROLES = ['SELF', 'GUARDIAN', 'AUTHORIZED_PROXY'] as const;

function paymentWire(p: PaymentOnFile): LaborPaymentOnFileWire {
  return {
    method: p.method,
    provider_code: p.providerCode,
    account_number: p.accountNumber,
    recipient_role: p.recipientRole,
    recipient_citizen_id: p.recipientCitizenId,
  };
}

function beneficiaryWire(b: RegistryBeneficiary): LaborBeneficiaryWire {
  return {
    citizen_id: b.citizenId,
    full_name: b.fullName,
    date_of_birth: b.dateOfBirth,
    sex: b.sex,
    commune_code: b.communeCode,
    province_code: b.provinceCode,
    entitlements: b.entitlements.map((e) => ({
      entitlement_id: e.id,
      program: e.program,
      category: e.category,
      category_name: e.categoryName,
      monthly_amount: e.monthlyAmount,
      start_date: e.startDate,
      end_date: e.endDate,
      status: e.status,
    })),
    representatives: b.representatives.map((r) => ({
      role: r.role,
      citizen_id: r.citizenId,
      full_name: r.fullName,
      mandate_reference: r.mandateReference,
      valid_from: r.validFrom,
      valid_until: r.validUntil,
    })),
    payment_on_file: paymentWire(b.paymentOnFile),
  };
}

function listWire(l: PaymentList): LaborPaymentListWire {
  return {
    list_id: l.id,
    period: l.period,
    program: l.program,
    commune_code: l.communeCode,
    province_code: l.provinceCode,
    payer_code: l.payerCode,
    submitted_at: l.submittedAt,
    items: l.items.map((i) => ({
      payment_id: i.paymentId,
      citizen_id: i.citizenId,
      amount: i.amount,
      method: i.method,
      provider_code: i.providerCode,
      account_number: i.accountNumber,
      recipient_role: i.recipientRole,
      recipient_citizen_id: i.recipientCitizenId,
      cancelled_at: i.cancelledAt,
      cancel_reason: i.cancelReason,
    })),
  };
}

function updateWire(requestId: string, u: RecordedUpdate): LaborPaymentMethodResponseWire {
  return { data: { request_id: requestId, citizen_id: u.citizenId, status: 'RECORDED', recorded_at: u.recordedAt } };
}

/** The labor / social-protection registry: lookups, search, areas, payment-method changes, payment lists. */
export function createLaborMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const clock = options.clock ?? (() => new Date());
  const registry = new LaborData(data);
  const areas: LaborAreasResponseWire = {
    data: data.areas.map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level === 'PROVINCE' ? 'province' : 'commune',
      parent_code: a.provinceCode,
    })),
    meta: { count: data.areas.length },
  };
  return createMockServer({
    agency: 'LABOR_REGISTRY',
    clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, error_description) => ({ error: GENERIC[failure], error_description }) satisfies LaborErrorWire,
    routes: [
      {
        method: 'POST',
        path: '/registry/v2/beneficiaries/batch-lookup',
        handle: ({ body }) => {
          const ids = idList(objectBody(body, bad)['citizen_ids'], 'citizen_ids', LABOR_MOCK_MAX_BATCH, CITIZEN_ID_PATTERN, bad);
          const found: LaborBeneficiaryWire[] = [];
          const missing: string[] = [];
          for (const id of new Set(ids)) {
            const b = registry.beneficiary(id);
            if (b) found.push(beneficiaryWire(b));
            else missing.push(id);
          }
          return { status: 200, body: { data: found, missing } satisfies LaborBatchLookupResponseWire };
        },
      },
      {
        method: 'GET',
        path: '/registry/v2/beneficiaries',
        handle: ({ query }) => {
          const areaCode = query.get('area_code') || undefined;
          if (areaCode !== undefined && !AREA_PATTERN.test(areaCode)) throw bad('area_code must be 2 or 5 digits');
          const after = query.get('after_citizen_id') || undefined;
          if (after !== undefined && !CITIZEN_ID_PATTERN.test(after)) throw bad('after_citizen_id must be 12 digits');
          const { items, totalCount } = registry.search({
            areaCode,
            visibleAreas: listParam(query, 'visible_areas', VISIBLE_AREA_PATTERN, bad),
            program: optionalOneOf(query, 'program', PROGRAMS, bad),
            status: optionalOneOf(query, 'status', STATUSES, bad),
            paymentMethod: optionalOneOf(query, 'payment_method', METHODS, bad),
            afterCitizenId: after,
            limit: intParam(query, 'limit', 0, LABOR_MOCK_MAX_PAGE, 50, bad),
          });
          const last = items[items.length - 1];
          const body: LaborSearchResponseWire = {
            data: items.map(beneficiaryWire),
            meta: { total_count: totalCount, next_after: last === undefined ? null : last.citizenId },
          };
          return { status: 200, body };
        },
      },
      {
        method: 'GET',
        path: '/registry/v2/areas',
        handle: () => ({ status: 200, body: areas }),
      },
      {
        method: 'PUT',
        path: '/registry/v2/beneficiaries/{citizenId}/payment-method',
        handle: ({ params, body }) => {
          const citizenId = params['citizenId'] ?? '';
          if (!CITIZEN_ID_PATTERN.test(citizenId)) throw bad('citizen id must be 12 digits');
          const b = objectBody(body, bad);
          const requestId = requiredString(b['request_id'], 'request_id', bad);
          const method = oneOf(b['method'], METHODS, 'method', bad);
          const providerCode = requiredString(b['provider_code'], 'provider_code', bad, 32);
          const accountNumber = nullableString(b['account_number'], 'account_number', bad, 32);
          if ((method === 'BANK_ACCOUNT' || method === 'E_WALLET') && accountNumber === null) {
            throw bad('account_number is required for BANK_ACCOUNT and E_WALLET');
          }
          const recipientRole = oneOf(b['recipient_role'], ROLES, 'recipient_role', bad);
          const recipientCitizenId = requiredString(b['recipient_citizen_id'], 'recipient_citizen_id', bad);
          if (!CITIZEN_ID_PATTERN.test(recipientCitizenId)) throw bad('recipient_citizen_id must be 12 digits');
          const print = fingerprint({ citizenId, method, providerCode, accountNumber, recipientRole, recipientCitizenId });
          const previous = registry.update(requestId);
          if (previous) {
            if (previous.fingerprint !== print) throw error(409, 'request_id_reused', 'request_id reused with other content');
            return { status: 200, body: updateWire(requestId, previous) };
          }
          if (!registry.beneficiary(citizenId)) throw error(404, 'beneficiary_not_found', 'no such beneficiary');
          const payment: PaymentOnFile = { method, providerCode, accountNumber, recipientRole, recipientCitizenId };
          const recorded = registry.record(requestId, citizenId, payment, print, clock().toISOString());
          return { status: 200, body: updateWire(requestId, recorded) };
        },
      },
      {
        method: 'GET',
        path: '/registry/v2/payment-lists',
        handle: ({ query }) => {
          const period = query.get('period') ?? '';
          if (!PERIOD_PATTERN.test(period)) throw bad('period must be YYYY-MM');
          const areaCode = query.get('area_code') || undefined;
          if (areaCode !== undefined && !AREA_PATTERN.test(areaCode)) throw bad('area_code must be 2 or 5 digits');
          const lists = registry.lists.find(period, areaCode, optionalOneOf(query, 'program', PROGRAMS, bad));
          const body: LaborPaymentListsResponseWire = { data: lists.map(listWire), meta: { count: lists.length } };
          return { status: 200, body };
        },
      },
    ],
  });
}
