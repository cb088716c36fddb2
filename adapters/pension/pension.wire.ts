/*
 * Wire shapes of the social insurance (BHXH) API (mock: mocks/pension). Vietnamese field names, dates dd/MM/yyyy,
 * periods MM/yyyy, `gioiTinh` 1 = male (nam) and 0 = female (nữ), answers wrapped in `{ maLoi, moTaLoi, duLieu }`
 * with maLoi '00' on success.
 */

export type BhxhCheDoWire = 'HUU_TRI' | 'TRO_CAP_BHXH' | 'TRO_CAP_THAT_NGHIEP' | 'BAO_TRO_XA_HOI' | 'UU_DAI_NGUOI_CO_CONG';
export type BhxhTrangThaiWire = 'DANG_HUONG' | 'TAM_DUNG' | 'CHAM_DUT';
/** Chuyển khoản ngân hàng, ví điện tử, tiền mặt tại bưu điện, chi trả tại nhà. */
export type BhxhHinhThucWire = 'CHUYEN_KHOAN' | 'VI_DIEN_TU' | 'TIEN_MAT' | 'TAI_NHA';
/** Bản thân, người giám hộ, người được ủy quyền. */
export type BhxhVaiTroWire = 'BAN_THAN' | 'GIAM_HO' | 'UY_QUYEN';

export interface BhxhCheDoHuongWire {
  readonly maCheDo: string;
  readonly loaiCheDo: BhxhCheDoWire;
  readonly maLoaiHuong: string;
  readonly tenLoaiHuong: string;
  readonly mucHuong: number;
  /** dd/MM/yyyy */
  readonly tuNgay: string;
  readonly denNgay: string | null;
  readonly trangThai: BhxhTrangThaiWire;
}

export interface BhxhPhuongThucNhanWire {
  readonly hinhThuc: BhxhHinhThucWire;
  readonly maDonViChiTra: string;
  readonly soTaiKhoan: string | null;
  readonly vaiTroNguoiNhan: BhxhVaiTroWire;
  readonly soDinhDanhNguoiNhan: string;
}

export interface BhxhNguoiHuongWire {
  readonly maSoBHXH: string;
  /** Holds the 12-digit citizen ID, as the agency's older clients name it. */
  readonly cmnd: string;
  readonly hoTen: string;
  /** dd/MM/yyyy */
  readonly ngaySinh: string;
  readonly gioiTinh: 0 | 1;
  readonly maXa: string;
  readonly maTinh: string;
  readonly dsCheDo: readonly BhxhCheDoHuongWire[];
  readonly phuongThucNhan: BhxhPhuongThucNhanWire;
}

/** Every answer: maLoi '00' and `duLieu` on success; an error code, its description and no `duLieu` otherwise. */
export interface BhxhEnvelopeWire<T> {
  readonly maLoi: string;
  readonly moTaLoi: string;
  readonly duLieu?: T;
}

/** `POST /api/bhxh/v1/tra-cuu/theo-so-dinh-danh` body and data. */
export interface BhxhTraCuuRequestWire {
  readonly dsSoDinhDanh: readonly string[];
}
export interface BhxhTraCuuDataWire {
  readonly danhSach: readonly BhxhNguoiHuongWire[];
  readonly khongTimThay: readonly string[];
}

/** `GET /api/bhxh/v1/nguoi-huong?…` data. */
export interface BhxhTimKiemDataWire {
  readonly danhSach: readonly BhxhNguoiHuongWire[];
  readonly tongSo: number;
}

/** `POST /api/bhxh/v1/phuong-thuc-nhan` body (deduplicated on `maYeuCau`) and data. */
export interface BhxhCapNhatPhuongThucRequestWire extends BhxhPhuongThucNhanWire {
  readonly maYeuCau: string;
  readonly soDinhDanh: string;
}
export interface BhxhCapNhatPhuongThucDataWire {
  readonly maYeuCau: string;
  readonly thoiGianGhiNhan: string;
}

export interface BhxhChiTietChiTraWire {
  readonly maChiTra: string;
  readonly soDinhDanh: string;
  readonly soTien: number;
  readonly hinhThuc: BhxhHinhThucWire;
  readonly maDonViChiTra: string;
  readonly soTaiKhoan: string | null;
  readonly vaiTroNguoiNhan: BhxhVaiTroWire;
  readonly soDinhDanhNguoiNhan: string;
  readonly thoiGianHuy: string | null;
  readonly lyDoHuy: string | null;
}
export interface BhxhDanhSachChiTraWire {
  readonly maDanhSach: string;
  /** MM/yyyy */
  readonly kyChiTra: string;
  readonly loaiCheDo: BhxhCheDoWire;
  readonly maXa: string;
  readonly maTinh: string;
  readonly maDonViChiTra: string;
  /** ISO instant of approval. */
  readonly thoiGianDuyet: string;
  readonly chiTiet: readonly BhxhChiTietChiTraWire[];
}
/** `GET /api/bhxh/v1/danh-sach-chi-tra?kyChiTra=MM/yyyy&maDiaBan=&loaiCheDo=` data. */
export interface BhxhDanhSachChiTraDataWire {
  readonly danhSach: readonly BhxhDanhSachChiTraWire[];
}

/**
 * Error codes: '01' bad input, '02' not found, '03' too many items, '05' request id reused with other content,
 * '404' no such route, '405' method, '413' body too large, '99' service unavailable, '98' internal.
 */
export type BhxhMaLoiWire = '00' | '01' | '02' | '03' | '05' | '404' | '405' | '413' | '98' | '99';
