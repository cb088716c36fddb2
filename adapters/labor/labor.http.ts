import { randomUUID } from 'node:crypto';
import { AgencyUnavailableError } from '../shared/agency-error.js';
import type { AgencyHttpClient } from '../shared/http-client.js';
import type { AreaRecord, CallContext, PaymentList, PaymentListQuery, PaymentMethodUpdate, PaymentOnFile } from '../shared/types.js';
import type { LaborAdapter, RegistryBeneficiary, RegistryPage, RegistrySearch } from './labor.adapter.js';
import type {
  LaborAreasResponseWire,
  LaborBatchLookupResponseWire,
  LaborBeneficiaryWire,
  LaborPaymentListsResponseWire,
  LaborPaymentListWire,
  LaborPaymentMethodRequestWire,
  LaborPaymentMethodResponseWire,
  LaborPaymentOnFileWire,
  LaborSearchResponseWire,
} from './labor.wire.js';

/** Most citizen IDs the registry takes in one batch lookup. */
export const LABOR_MAX_BATCH = 500;
/** Largest page the registry serves; longer pages are fetched as several. */
export const LABOR_MAX_PAGE = 500;

export interface LaborHttpOptions {
  /** IDs per batched request; defaults to the agency's maximum. */
  readonly batchSize?: number;
}

const CITIZEN_ID = /^[0-9]{12}$/;

function toPayment(w: LaborPaymentOnFileWire): PaymentOnFile {
  return {
    method: w.method,
    providerCode: w.provider_code,
    accountNumber: w.account_number,
    recipientRole: w.recipient_role,
    recipientCitizenId: w.recipient_citizen_id,
  };
}

function toBeneficiary(w: LaborBeneficiaryWire): RegistryBeneficiary {
  return {
    citizenId: w.citizen_id,
    fullName: w.full_name,
    dateOfBirth: w.date_of_birth,
    sex: w.sex,
    communeCode: w.commune_code,
    provinceCode: w.province_code,
    entitlements: w.entitlements.map((e) => ({
      id: e.entitlement_id,
      program: e.program,
      category: e.category,
      categoryName: e.category_name,
      monthlyAmount: e.monthly_amount,
      startDate: e.start_date,
      endDate: e.end_date,
      status: e.status,
    })),
    representatives: w.representatives.map((r) => ({
      role: r.role,
      citizenId: r.citizen_id,
      fullName: r.full_name,
      mandateReference: r.mandate_reference,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
    })),
    paymentOnFile: toPayment(w.payment_on_file),
  };
}

function toList(w: LaborPaymentListWire): PaymentList {
  return {
    id: w.list_id,
    period: w.period,
    program: w.program,
    communeCode: w.commune_code,
    provinceCode: w.province_code,
    payerCode: w.payer_code,
    submittedAt: w.submitted_at,
    items: w.items.map((i) => ({
      paymentId: i.payment_id,
      citizenId: i.citizen_id,
      amount: i.amount,
      method: i.method,
      providerCode: i.provider_code,
      accountNumber: i.account_number,
      recipientRole: i.recipient_role,
      recipientCitizenId: i.recipient_citizen_id,
      cancelledAt: i.cancelled_at,
      cancelReason: i.cancel_reason,
    })),
  };
}

/** `Array.isArray` without widening the element type to `any`. */
const isList = Array.isArray as <T>(v: readonly T[] | null | undefined) => v is readonly T[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The labor / social-protection registry over HTTP. */
export function createLaborHttpAdapter(client: AgencyHttpClient, options: LaborHttpOptions = {}): LaborAdapter {
  const batchSize = Math.min(options.batchSize ?? LABOR_MAX_BATCH, LABOR_MAX_BATCH);
  const unexpected = () => new AgencyUnavailableError(client.agency, 'unexpected answer');

  const searchPage = async (search: RegistrySearch, after: string | undefined, limit: number, correlationId: string) => {
    const q = new URLSearchParams();
    if (search.areaCode !== undefined) q.set('area_code', search.areaCode);
    // Present but empty means "sees nothing"; absent means unrestricted.
    if (search.visibleAreas !== undefined) q.set('visible_areas', search.visibleAreas.join(','));
    if (search.program !== undefined) q.set('program', search.program);
    if (search.status !== undefined) q.set('status', search.status);
    if (search.paymentMethod !== undefined) q.set('payment_method', search.paymentMethod);
    if (after !== undefined) q.set('after_citizen_id', after);
    q.set('limit', String(limit));
    const answer = await client.request<LaborSearchResponseWire>({
      method: 'GET',
      path: `/registry/v2/beneficiaries?${q}`,
      idempotent: true,
      correlationId,
    });
    if (!answer || !isList(answer.data) || typeof answer.meta?.total_count !== 'number') throw unexpected();
    return answer;
  };

  return {
    async getBeneficiaries(citizenIds, ctx?: CallContext) {
      // A malformed ID cannot be on file; sending it would only get the whole batch refused.
      const ids = [...new Set(citizenIds)].filter((id) => CITIZEN_ID.test(id));
      const correlationId = ctx?.correlationId ?? randomUUID();
      const answers = await Promise.all(
        chunks(ids, batchSize).map((chunk) =>
          client.request<LaborBatchLookupResponseWire>({
            method: 'POST',
            path: '/registry/v2/beneficiaries/batch-lookup',
            body: { citizen_ids: chunk },
            idempotent: true,
            correlationId,
          }),
        ),
      );
      const found = new Map<string, RegistryBeneficiary>();
      for (const answer of answers) {
        if (!answer || !isList(answer.data)) throw unexpected();
        for (const b of answer.data) found.set(b.citizen_id, toBeneficiary(b));
      }
      return found;
    },

    async searchBeneficiaries(search: RegistrySearch, ctx?: CallContext): Promise<RegistryPage> {
      const correlationId = ctx?.correlationId ?? randomUUID();
      const wanted = Math.max(0, Math.floor(search.limit));
      // Pages longer than the registry serves are assembled from consecutive keyset pages.
      const items: RegistryBeneficiary[] = [];
      let after = search.afterCitizenId;
      let totalCount: number | undefined;
      do {
        const size = Math.min(wanted - items.length, LABOR_MAX_PAGE);
        const page = await searchPage(search, after, size, correlationId);
        totalCount ??= page.meta.total_count;
        for (const b of page.data) items.push(toBeneficiary(b));
        const last = page.data[page.data.length - 1];
        if (last === undefined || page.data.length < size) break;
        after = last.citizen_id;
      } while (items.length < wanted);
      return { items, totalCount: totalCount ?? 0 };
    },

    async getAreas(ctx?: CallContext): Promise<readonly AreaRecord[]> {
      const answer = await client.request<LaborAreasResponseWire>({
        method: 'GET',
        path: '/registry/v2/areas',
        idempotent: true,
        correlationId: ctx?.correlationId,
      });
      if (!answer || !isList(answer.data)) throw unexpected();
      return answer.data.map((a) => ({
        code: a.code,
        name: a.name,
        level: a.level === 'province' ? 'PROVINCE' : 'COMMUNE',
        provinceCode: a.parent_code,
      }));
    },

    async updatePaymentMethod(update: PaymentMethodUpdate, ctx?: CallContext): Promise<void> {
      const body: LaborPaymentMethodRequestWire = {
        request_id: update.requestId,
        method: update.method,
        provider_code: update.providerCode,
        account_number: update.accountNumber,
        recipient_role: update.recipientRole,
        recipient_citizen_id: update.recipientCitizenId,
      };
      const answer = await client.request<LaborPaymentMethodResponseWire>({
        method: 'PUT',
        path: `/registry/v2/beneficiaries/${encodeURIComponent(update.citizenId)}/payment-method`,
        body,
        // The registry deduplicates on request_id, so a retried update is recorded once.
        idempotent: true,
        correlationId: ctx?.correlationId,
      });
      if (!answer || answer.data?.status !== 'RECORDED') throw unexpected();
    },

    async getPaymentLists(query: PaymentListQuery, ctx?: CallContext): Promise<readonly PaymentList[]> {
      const q = new URLSearchParams({ period: query.period });
      if (query.areaCode !== undefined) q.set('area_code', query.areaCode);
      if (query.program !== undefined) q.set('program', query.program);
      const answer = await client.request<LaborPaymentListsResponseWire>({
        method: 'GET',
        path: `/registry/v2/payment-lists?${q}`,
        idempotent: true,
        correlationId: ctx?.correlationId,
      });
      if (!answer || !isList(answer.data)) throw unexpected();
      return answer.data.map(toList);
    },
  };
}
