import type {
  BhxhCapNhatPhuongThucDataWire,
  BhxhCheDoWire,
  BhxhDanhSachChiTraDataWire,
  BhxhDanhSachChiTraWire,
  BhxhEnvelopeWire,
  BhxhHinhThucWire,
  BhxhMaLoiWire,
  BhxhNguoiHuongWire,
  BhxhPhuongThucNhanWire,
  BhxhTimKiemDataWire,
  BhxhTraCuuDataWire,
  BhxhTrangThaiWire,
  BhxhVaiTroWire,
  InsuredPerson,
} from '../../adapters/pension/index.js';
import type { EntitlementStatus, PaymentList, PaymentMethod, PaymentOnFile, Program, RecipientRole } from '../../adapters/shared/types.js';
import type { Dataset } from '../fixtures/dataset.js';
import {
  AREA_PATTERN,
  CITIZEN_ID_PATTERN,
  VISIBLE_AREA_PATTERN,
  fingerprint,
  idList,
  intParam,
  listParam,
  nullableString,
  objectBody,
  oneOf,
  requiredString,
} from '../shared/request-input.js';
import { MockHttpError, type GenericFailure } from '../shared/mock-http-error.js';
import { createMockServer, type MockServer } from '../shared/mock-server.js';
import { PensionData, type RecordedChange } from './pension.data.js';

/** Most citizen IDs one `tra-cuu/theo-so-dinh-danh` accepts. */
export const PENSION_MOCK_MAX_BATCH = 500;
/** Largest search page (`soBanGhi`). */
export const PENSION_MOCK_MAX_PAGE = 500;

const CHE_DO: Record<Program, BhxhCheDoWire> = {
  PENSION: 'HUU_TRI',
  SOCIAL_INSURANCE_ALLOWANCE: 'TRO_CAP_BHXH',
  UNEMPLOYMENT_BENEFIT: 'TRO_CAP_THAT_NGHIEP',
  SOCIAL_ASSISTANCE: 'BAO_TRO_XA_HOI',
  MERIT_ALLOWANCE: 'UU_DAI_NGUOI_CO_CONG',
};
const TRANG_THAI: Record<EntitlementStatus, BhxhTrangThaiWire> = { ACTIVE: 'DANG_HUONG', SUSPENDED: 'TAM_DUNG', ENDED: 'CHAM_DUT' };
const HINH_THUC: Record<PaymentMethod, BhxhHinhThucWire> = {
  BANK_ACCOUNT: 'CHUYEN_KHOAN',
  E_WALLET: 'VI_DIEN_TU',
  POST_OFFICE_CASH: 'TIEN_MAT',
  HOME_DELIVERY: 'TAI_NHA',
};
const VAI_TRO: Record<RecipientRole, BhxhVaiTroWire> = { SELF: 'BAN_THAN', GUARDIAN: 'GIAM_HO', AUTHORIZED_PROXY: 'UY_QUYEN' };

const invert = <K extends string, V extends string>(m: Record<K, V>): Record<V, K> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<V, K>;
const PROGRAM_OF = invert(CHE_DO);
const STATUS_OF = invert(TRANG_THAI);
const METHOD_OF = invert(HINH_THUC);
const ROLE_OF = invert(VAI_TRO);

const GENERIC: Record<GenericFailure, BhxhMaLoiWire> = {
  BAD_REQUEST: '01',
  NOT_FOUND: '404',
  METHOD_NOT_ALLOWED: '405',
  PAYLOAD_TOO_LARGE: '413',
  UNAVAILABLE: '99',
  INTERNAL: '98',
};

const ok = <T>(duLieu: T): BhxhEnvelopeWire<T> => ({ maLoi: '00', moTaLoi: 'Thành công', duLieu });
const error = (status: number, maLoi: BhxhMaLoiWire, moTaLoi: string) =>
  new MockHttpError(status, { maLoi, moTaLoi } satisfies BhxhEnvelopeWire<never>);
const bad = (message: string) => error(400, '01', `Dữ liệu không hợp lệ: ${message}`);

/** YYYY-MM-DD → dd/MM/yyyy. */
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function phuongThucWire(p: PaymentOnFile): BhxhPhuongThucNhanWire {
  return {
    hinhThuc: HINH_THUC[p.method],
    maDonViChiTra: p.providerCode,
    soTaiKhoan: p.accountNumber,
    vaiTroNguoiNhan: VAI_TRO[p.recipientRole],
    soDinhDanhNguoiNhan: p.recipientCitizenId,
  };
}

function nguoiHuongWire(p: InsuredPerson): BhxhNguoiHuongWire {
  return {
    maSoBHXH: p.insuranceCode,
    cmnd: p.citizenId,
    hoTen: p.fullName,
    ngaySinh: viDate(p.dateOfBirth),
    gioiTinh: p.sex === 'MALE' ? 1 : 0,
    maXa: p.communeCode,
    maTinh: p.provinceCode,
    dsCheDo: p.benefits.map((e) => ({
      maCheDo: e.id,
      loaiCheDo: CHE_DO[e.program],
      maLoaiHuong: e.category,
      tenLoaiHuong: e.categoryName,
      mucHuong: e.monthlyAmount,
      tuNgay: viDate(e.startDate),
      denNgay: e.endDate === null ? null : viDate(e.endDate),
      trangThai: TRANG_THAI[e.status],
    })),
    phuongThucNhan: phuongThucWire(p.paymentOnFile),
  };
}

function danhSachWire(l: PaymentList): BhxhDanhSachChiTraWire {
  return {
    maDanhSach: l.id,
    kyChiTra: `${l.period.slice(5, 7)}/${l.period.slice(0, 4)}`,
    loaiCheDo: CHE_DO[l.program],
    maXa: l.communeCode,
    maTinh: l.provinceCode,
    maDonViChiTra: l.payerCode,
    thoiGianDuyet: l.submittedAt,
    chiTiet: l.items.map((i) => ({
      maChiTra: i.paymentId,
      soDinhDanh: i.citizenId,
      soTien: i.amount,
      hinhThuc: HINH_THUC[i.method],
      maDonViChiTra: i.providerCode,
      soTaiKhoan: i.accountNumber,
      vaiTroNguoiNhan: VAI_TRO[i.recipientRole],
      soDinhDanhNguoiNhan: i.recipientCitizenId,
      thoiGianHuy: i.cancelledAt,
      lyDoHuy: i.cancelReason,
    })),
  };
}

function optionalCode<V extends string, K>(query: URLSearchParams, name: string, table: Record<V, K>): K | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  return table[oneOf(v, Object.keys(table) as V[], name, bad)];
}

const changeWire = (maYeuCau: string, c: RecordedChange): BhxhEnvelopeWire<BhxhCapNhatPhuongThucDataWire> =>
  ok({ maYeuCau, thoiGianGhiNhan: c.recordedAt });

/** Social insurance (BHXH): lookups by citizen ID and BHXH code, search, payment-method changes, payment lists. */
export function createPensionMock(data: Dataset, options: { clock?: () => Date; faultSeed?: number } = {}): MockServer {
  const clock = options.clock ?? (() => new Date());
  const bhxh = new PensionData(data);
  return createMockServer({
    agency: 'SOCIAL_INSURANCE',
    clock,
    faultSeed: options.faultSeed,
    errorBody: (failure, message) => ({ maLoi: GENERIC[failure], moTaLoi: message }) satisfies BhxhEnvelopeWire<never>,
    routes: [
      {
        method: 'POST',
        path: '/api/bhxh/v1/tra-cuu/theo-so-dinh-danh',
        handle: ({ body }) => {
          const raw = objectBody(body, bad)['dsSoDinhDanh'];
          if (Array.isArray(raw) && raw.length > PENSION_MOCK_MAX_BATCH) {
            throw error(400, '03', `Vượt quá ${PENSION_MOCK_MAX_BATCH} số định danh`);
          }
          const ids = idList(raw, 'dsSoDinhDanh', PENSION_MOCK_MAX_BATCH, CITIZEN_ID_PATTERN, bad);
          const danhSach: BhxhNguoiHuongWire[] = [];
          const khongTimThay: string[] = [];
          for (const id of new Set(ids)) {
            const p = bhxh.byCitizen(id);
            if (p) danhSach.push(nguoiHuongWire(p));
            else khongTimThay.push(id);
          }
          return { status: 200, body: ok<BhxhTraCuuDataWire>({ danhSach, khongTimThay }) };
        },
      },
      {
        method: 'GET',
        path: '/api/bhxh/v1/nguoi-huong/{maSoBHXH}',
        handle: ({ params }) => {
          const code = params['maSoBHXH'] ?? '';
          if (!/^[0-9]{10}$/.test(code)) throw bad('maSoBHXH phải gồm 10 chữ số');
          const p = bhxh.byCode(code);
          if (!p) throw error(404, '02', 'Không tìm thấy người hưởng');
          return { status: 200, body: ok(nguoiHuongWire(p)) };
        },
      },
      {
        method: 'GET',
        path: '/api/bhxh/v1/nguoi-huong',
        handle: ({ query }) => {
          const areaCode = query.get('maDiaBan') || undefined;
          if (areaCode !== undefined && !AREA_PATTERN.test(areaCode)) throw bad('maDiaBan');
          const after = query.get('sauSoDinhDanh') || undefined;
          if (after !== undefined && !CITIZEN_ID_PATTERN.test(after)) throw bad('sauSoDinhDanh');
          const { items, totalCount } = bhxh.search({
            areaCode,
            visibleAreas: listParam(query, 'dsDiaBanDuocXem', VISIBLE_AREA_PATTERN, bad),
            program: optionalCode(query, 'loaiCheDo', PROGRAM_OF),
            status: optionalCode(query, 'trangThai', STATUS_OF),
            paymentMethod: optionalCode(query, 'hinhThuc', METHOD_OF),
            afterCitizenId: after,
            limit: intParam(query, 'soBanGhi', 0, PENSION_MOCK_MAX_PAGE, 50, bad),
          });
          return { status: 200, body: ok<BhxhTimKiemDataWire>({ danhSach: items.map(nguoiHuongWire), tongSo: totalCount }) };
        },
      },
      {
        method: 'POST',
        path: '/api/bhxh/v1/phuong-thuc-nhan',
        handle: ({ body }) => {
          const b = objectBody(body, bad);
          const maYeuCau = requiredString(b['maYeuCau'], 'maYeuCau', bad);
          const soDinhDanh = requiredString(b['soDinhDanh'], 'soDinhDanh', bad);
          if (!CITIZEN_ID_PATTERN.test(soDinhDanh)) throw bad('soDinhDanh phải gồm 12 chữ số');
          const method = METHOD_OF[oneOf(b['hinhThuc'], Object.keys(METHOD_OF) as BhxhHinhThucWire[], 'hinhThuc', bad)];
          const providerCode = requiredString(b['maDonViChiTra'], 'maDonViChiTra', bad, 32);
          const accountNumber = nullableString(b['soTaiKhoan'], 'soTaiKhoan', bad, 32);
          if ((method === 'BANK_ACCOUNT' || method === 'E_WALLET') && accountNumber === null) throw bad('soTaiKhoan');
          const role = ROLE_OF[oneOf(b['vaiTroNguoiNhan'], Object.keys(ROLE_OF) as BhxhVaiTroWire[], 'vaiTroNguoiNhan', bad)];
          const recipient = requiredString(b['soDinhDanhNguoiNhan'], 'soDinhDanhNguoiNhan', bad);
          if (!CITIZEN_ID_PATTERN.test(recipient)) throw bad('soDinhDanhNguoiNhan phải gồm 12 chữ số');
          const print = fingerprint({ soDinhDanh, method, providerCode, accountNumber, role, recipient });
          const previous = bhxh.change(maYeuCau);
          if (previous) {
            if (previous.fingerprint !== print) throw error(409, '05', 'Mã yêu cầu đã dùng cho nội dung khác');
            return { status: 200, body: changeWire(maYeuCau, previous) };
          }
          if (!bhxh.byCitizen(soDinhDanh)) throw error(404, '02', 'Không tìm thấy người hưởng');
          const payment: PaymentOnFile = {
            method,
            providerCode,
            accountNumber,
            recipientRole: role,
            recipientCitizenId: recipient,
          };
          const recorded = bhxh.record(maYeuCau, soDinhDanh, payment, print, clock().toISOString());
          return { status: 200, body: changeWire(maYeuCau, recorded) };
        },
      },
      {
        method: 'GET',
        path: '/api/bhxh/v1/danh-sach-chi-tra',
        handle: ({ query }) => {
          const m = /^(0[1-9]|1[0-2])\/(20[0-9]{2})$/.exec(query.get('kyChiTra') ?? '');
          if (!m) throw bad('kyChiTra phải có dạng MM/yyyy');
          const areaCode = query.get('maDiaBan') || undefined;
          if (areaCode !== undefined && !AREA_PATTERN.test(areaCode)) throw bad('maDiaBan');
          const program = optionalCode(query, 'loaiCheDo', PROGRAM_OF);
          const lists = bhxh.lists.find(`${m[2]}-${m[1]}`, areaCode, program);
          return { status: 200, body: ok<BhxhDanhSachChiTraDataWire>({ danhSach: lists.map(danhSachWire) }) };
        },
      },
    ],
  });
}
