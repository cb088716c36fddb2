import { randomUUID } from 'node:crypto';
import { AgencyNotFoundError, AgencyRejectedError, AgencyUnavailableError } from '../shared/agency-error.js';
import type { AgencyHttpClient } from '../shared/http-client.js';
import type {
  CallContext,
  EntitlementStatus,
  PaymentList,
  PaymentListQuery,
  PaymentMethod,
  PaymentMethodUpdate,
  PaymentOnFile,
  Program,
  RecipientRole,
} from '../shared/types.js';
import type { InsuredPage, InsuredPerson, InsuredSearch, PensionAdapter } from './pension.adapter.js';
import type {
  BhxhCapNhatPhuongThucDataWire,
  BhxhCapNhatPhuongThucRequestWire,
  BhxhCheDoWire,
  BhxhDanhSachChiTraDataWire,
  BhxhDanhSachChiTraWire,
  BhxhEnvelopeWire,
  BhxhHinhThucWire,
  BhxhNguoiHuongWire,
  BhxhPhuongThucNhanWire,
  BhxhTimKiemDataWire,
  BhxhTraCuuDataWire,
  BhxhTrangThaiWire,
  BhxhVaiTroWire,
} from './pension.wire.js';

/** Most citizen IDs BHXH takes in one lookup. */
export const PENSION_MAX_BATCH = 500;
/** Largest page BHXH serves; longer pages are fetched as several. */
export const PENSION_MAX_PAGE = 500;

export interface PensionHttpOptions {
  /** IDs per batched request; defaults to the agency's maximum. */
  readonly batchSize?: number;
}

const PROGRAM: Record<BhxhCheDoWire, Program> = {
  HUU_TRI: 'PENSION',
  TRO_CAP_BHXH: 'SOCIAL_INSURANCE_ALLOWANCE',
  TRO_CAP_THAT_NGHIEP: 'UNEMPLOYMENT_BENEFIT',
  BAO_TRO_XA_HOI: 'SOCIAL_ASSISTANCE',
  UU_DAI_NGUOI_CO_CONG: 'MERIT_ALLOWANCE',
};
const STATUS: Record<BhxhTrangThaiWire, EntitlementStatus> = { DANG_HUONG: 'ACTIVE', TAM_DUNG: 'SUSPENDED', CHAM_DUT: 'ENDED' };
const METHOD: Record<BhxhHinhThucWire, PaymentMethod> = {
  CHUYEN_KHOAN: 'BANK_ACCOUNT',
  VI_DIEN_TU: 'E_WALLET',
  TIEN_MAT: 'POST_OFFICE_CASH',
  TAI_NHA: 'HOME_DELIVERY',
};
const ROLE: Record<BhxhVaiTroWire, RecipientRole> = { BAN_THAN: 'SELF', GIAM_HO: 'GUARDIAN', UY_QUYEN: 'AUTHORIZED_PROXY' };

const invert = <K extends string, V extends string>(m: Record<K, V>): Record<V, K> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<V, K>;
const CHE_DO = invert(PROGRAM);
const TRANG_THAI = invert(STATUS);
const HINH_THUC = invert(METHOD);
const VAI_TRO = invert(ROLE);

const CITIZEN_ID = /^[0-9]{12}$/;
const INSURANCE_CODE = /^[0-9]{10}$/;
const VI_DATE = /^([0-9]{2})\/([0-9]{2})\/([0-9]{4})$/;

/** Thrown inside a mapping when the agency's answer does not fit its own wire shape. */
class WireMismatch extends Error {}

const lookup = <K extends string, V>(table: Record<K, V>, key: string): V => {
  const v = (table as Record<string, V>)[key];
  if (v === undefined) throw new WireMismatch(`unknown code ${key}`);
  return v;
};

/** dd/MM/yyyy → YYYY-MM-DD. */
function isoDate(vi: string): string {
  const m = VI_DATE.exec(vi);
  if (!m) throw new WireMismatch('date not dd/MM/yyyy');
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function toPayment(w: BhxhPhuongThucNhanWire): PaymentOnFile {
  return {
    method: lookup(METHOD, w.hinhThuc),
    providerCode: w.maDonViChiTra,
    accountNumber: w.soTaiKhoan,
    recipientRole: lookup(ROLE, w.vaiTroNguoiNhan),
    recipientCitizenId: w.soDinhDanhNguoiNhan,
  };
}

function toPerson(w: BhxhNguoiHuongWire): InsuredPerson {
  return {
    insuranceCode: w.maSoBHXH,
    citizenId: w.cmnd,
    fullName: w.hoTen,
    dateOfBirth: isoDate(w.ngaySinh),
    sex: w.gioiTinh === 1 ? 'MALE' : 'FEMALE',
    communeCode: w.maXa,
    provinceCode: w.maTinh,
    benefits: w.dsCheDo.map((c) => ({
      id: c.maCheDo,
      program: lookup(PROGRAM, c.loaiCheDo),
      category: c.maLoaiHuong,
      categoryName: c.tenLoaiHuong,
      monthlyAmount: c.mucHuong,
      startDate: isoDate(c.tuNgay),
      endDate: c.denNgay === null ? null : isoDate(c.denNgay),
      status: lookup(STATUS, c.trangThai),
    })),
    paymentOnFile: toPayment(w.phuongThucNhan),
  };
}

function toList(w: BhxhDanhSachChiTraWire): PaymentList {
  const period = /^([0-9]{2})\/([0-9]{4})$/.exec(w.kyChiTra);
  if (!period) throw new WireMismatch('period not MM/yyyy');
  return {
    id: w.maDanhSach,
    period: `${period[2]}-${period[1]}`,
    program: lookup(PROGRAM, w.loaiCheDo),
    communeCode: w.maXa,
    provinceCode: w.maTinh,
    payerCode: w.maDonViChiTra,
    submittedAt: w.thoiGianDuyet,
    items: w.chiTiet.map((i) => ({
      paymentId: i.maChiTra,
      citizenId: i.soDinhDanh,
      amount: i.soTien,
      method: lookup(METHOD, i.hinhThuc),
      providerCode: i.maDonViChiTra,
      accountNumber: i.soTaiKhoan,
      recipientRole: lookup(ROLE, i.vaiTroNguoiNhan),
      recipientCitizenId: i.soDinhDanhNguoiNhan,
      cancelledAt: i.thoiGianHuy,
      cancelReason: i.lyDoHuy,
    })),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Social insurance (BHXH) over HTTP; maps its Vietnamese idiom (dd/MM/yyyy dates, coded enums) to the DTOs. */
export function createPensionHttpAdapter(client: AgencyHttpClient, options: PensionHttpOptions = {}): PensionAdapter {
  const batchSize = Math.min(options.batchSize ?? PENSION_MAX_BATCH, PENSION_MAX_BATCH);

  /** Sends one call and unwraps `{ maLoi, moTaLoi, duLieu }`; a non-'00' maLoi in a 200 is still a refusal. */
  async function call<T, R>(req: Parameters<AgencyHttpClient['request']>[0], map: (data: T) => R): Promise<R> {
    const answer = await client.request<BhxhEnvelopeWire<T>>(req);
    if (!answer || typeof answer.maLoi !== 'string') throw new AgencyUnavailableError(client.agency, 'unexpected answer');
    if (answer.maLoi === '02') throw new AgencyNotFoundError(client.agency, 'not found', { agencyCode: answer.maLoi });
    if (answer.maLoi !== '00') throw new AgencyRejectedError(client.agency, 'refused', { agencyCode: answer.maLoi });
    try {
      if (answer.duLieu === undefined) throw new WireMismatch('no duLieu');
      return map(answer.duLieu);
    } catch (cause) {
      if (cause instanceof WireMismatch || cause instanceof TypeError) {
        throw new AgencyUnavailableError(client.agency, 'unexpected answer', { cause });
      }
      throw cause;
    }
  }

  const searchPage = (search: InsuredSearch, after: string | undefined, limit: number, correlationId: string) => {
    const q = new URLSearchParams();
    if (search.areaCode !== undefined) q.set('maDiaBan', search.areaCode);
    // Present but empty means "sees nothing"; absent means unrestricted.
    if (search.visibleAreas !== undefined) q.set('dsDiaBanDuocXem', search.visibleAreas.join(','));
    if (search.program !== undefined) q.set('loaiCheDo', CHE_DO[search.program]);
    if (search.status !== undefined) q.set('trangThai', TRANG_THAI[search.status]);
    if (search.paymentMethod !== undefined) q.set('hinhThuc', HINH_THUC[search.paymentMethod]);
    if (after !== undefined) q.set('sauSoDinhDanh', after);
    q.set('soBanGhi', String(limit));
    return call<BhxhTimKiemDataWire, { items: InsuredPerson[]; total: number; lastId: string | undefined }>(
      { method: 'GET', path: `/api/bhxh/v1/nguoi-huong?${q}`, idempotent: true, correlationId },
      (d) => ({ items: d.danhSach.map(toPerson), total: d.tongSo, lastId: d.danhSach[d.danhSach.length - 1]?.cmnd }),
    );
  };

  return {
    async getByCitizenIds(citizenIds, ctx?: CallContext) {
      // A malformed ID cannot be on file; sending it would only get the whole batch refused.
      const ids = [...new Set(citizenIds)].filter((id) => CITIZEN_ID.test(id));
      const correlationId = ctx?.correlationId ?? randomUUID();
      const pages = await Promise.all(
        chunks(ids, batchSize).map((chunk) =>
          call<BhxhTraCuuDataWire, InsuredPerson[]>(
            {
              method: 'POST',
              path: '/api/bhxh/v1/tra-cuu/theo-so-dinh-danh',
              body: { dsSoDinhDanh: chunk },
              idempotent: true,
              correlationId,
            },
            (d) => d.danhSach.map(toPerson),
          ),
        ),
      );
      const found = new Map<string, InsuredPerson>();
      for (const page of pages) for (const p of page) found.set(p.citizenId, p);
      return found;
    },

    async getByInsuranceCode(insuranceCode: string, ctx?: CallContext): Promise<InsuredPerson | null> {
      if (!INSURANCE_CODE.test(insuranceCode)) return null;
      try {
        return await call<BhxhNguoiHuongWire, InsuredPerson>(
          {
            method: 'GET',
            path: `/api/bhxh/v1/nguoi-huong/${insuranceCode}`,
            idempotent: true,
            correlationId: ctx?.correlationId,
          },
          toPerson,
        );
      } catch (e) {
        if (e instanceof AgencyNotFoundError) return null;
        throw e;
      }
    },

    async search(search: InsuredSearch, ctx?: CallContext): Promise<InsuredPage> {
      const correlationId = ctx?.correlationId ?? randomUUID();
      const wanted = Math.max(0, Math.floor(search.limit));
      // Pages longer than BHXH serves are assembled from consecutive keyset pages.
      const items: InsuredPerson[] = [];
      let after = search.afterCitizenId;
      let totalCount: number | undefined;
      do {
        const size = Math.min(wanted - items.length, PENSION_MAX_PAGE);
        const page = await searchPage(search, after, size, correlationId);
        totalCount ??= page.total;
        items.push(...page.items);
        if (page.lastId === undefined || page.items.length < size) break;
        after = page.lastId;
      } while (items.length < wanted);
      return { items, totalCount: totalCount ?? 0 };
    },

    async updatePaymentMethod(update: PaymentMethodUpdate, ctx?: CallContext): Promise<void> {
      const body: BhxhCapNhatPhuongThucRequestWire = {
        maYeuCau: update.requestId,
        soDinhDanh: update.citizenId,
        hinhThuc: HINH_THUC[update.method],
        maDonViChiTra: update.providerCode,
        soTaiKhoan: update.accountNumber,
        vaiTroNguoiNhan: VAI_TRO[update.recipientRole],
        soDinhDanhNguoiNhan: update.recipientCitizenId,
      };
      await call<BhxhCapNhatPhuongThucDataWire, void>(
        {
          method: 'POST',
          path: '/api/bhxh/v1/phuong-thuc-nhan',
          body,
          // BHXH deduplicates on maYeuCau (the request id), so a retried change is recorded once.
          idempotent: true,
          correlationId: ctx?.correlationId,
        },
        () => undefined,
      );
    },

    async getPaymentLists(query: PaymentListQuery, ctx?: CallContext): Promise<readonly PaymentList[]> {
      const q = new URLSearchParams({ kyChiTra: `${query.period.slice(5, 7)}/${query.period.slice(0, 4)}` });
      if (query.areaCode !== undefined) q.set('maDiaBan', query.areaCode);
      if (query.program !== undefined) q.set('loaiCheDo', CHE_DO[query.program]);
      return call<BhxhDanhSachChiTraDataWire, PaymentList[]>(
        { method: 'GET', path: `/api/bhxh/v1/danh-sach-chi-tra?${q}`, idempotent: true, correlationId: ctx?.correlationId },
        (d) => d.danhSach.map(toList),
      );
    },
  };
}
