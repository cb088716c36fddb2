/**
 * VietQR (NAPAS) payloads: EMVCo merchant-presented QR, tag-length-value with two-digit tags and lengths
 * (domain.md §3). Only what a transfer to an account or card needs is taken: the acquirer BIN and the account.
 */

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. */
export function crc16CcittFalse(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The NAPAS GUID that marks tag 38 as a VietQR merchant account. */
const NAPAS_GUID = 'A000000727';
/** Service codes: transfer to an account, transfer to a card. */
const SERVICES = new Set(['QRIBFTTA', 'QRIBFTTC']);

export interface VietQrTransfer {
  /** Acquirer bank BIN (6 digits). */
  readonly bin: string;
  readonly accountNumber: string;
  readonly service: 'QRIBFTTA' | 'QRIBFTTC';
  readonly dynamic: boolean;
  /** Amount in dong, when the payload carries one. */
  readonly amount: number | null;
  /** Purpose of transaction (tag 62.08), when present. */
  readonly purpose: string | null;
}

export type VietQrFailure = 'MALFORMED' | 'CRC_MISMATCH' | 'NOT_VIETQR_TRANSFER';
export type VietQrResult = { readonly ok: true; readonly transfer: VietQrTransfer } | { readonly ok: false; readonly reason: VietQrFailure };

type Fields = Map<string, Uint8Array>;

const decoder = new TextDecoder('utf-8', { fatal: true });
const text = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : decoder.decode(b));

/** Splits TLV data (lengths in bytes, as payloads with UTF-8 memos count them); null when it does not tile exactly. */
function tlv(data: Uint8Array): Fields | null {
  const out: Fields = new Map();
  let i = 0;
  while (i < data.length) {
    if (i + 4 > data.length) return null;
    const head = String.fromCharCode(...data.subarray(i, i + 4));
    if (!/^[0-9]{4}$/.test(head)) return null;
    const len = Number(head.slice(2));
    if (i + 4 + len > data.length) return null;
    const tag = head.slice(0, 2);
    if (out.has(tag)) return null;
    out.set(tag, data.subarray(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

/** Parses and checks a VietQR transfer payload: structure, CRC, then the NAPAS merchant account. */
export function parseVietQr(payload: string): VietQrResult {
  const bytes = new TextEncoder().encode(payload.trim());
  // The CRC is always the last field: '63', '04', four hex digits, over everything before the digits.
  if (bytes.length < 12) return { ok: false, reason: 'MALFORMED' };
  const crcText = String.fromCharCode(...bytes.subarray(bytes.length - 4));
  if (String.fromCharCode(...bytes.subarray(bytes.length - 8, bytes.length - 4)) !== '6304' || !/^[0-9A-Fa-f]{4}$/.test(crcText)) {
    return { ok: false, reason: 'MALFORMED' };
  }
  let fields: Fields | null;
  try {
    fields = tlv(bytes);
    if (fields === null) return { ok: false, reason: 'MALFORMED' };
    if (crc16CcittFalse(bytes.subarray(0, bytes.length - 4)) !== parseInt(crcText, 16)) return { ok: false, reason: 'CRC_MISMATCH' };
    if (text(fields.get('00')) !== '01') return { ok: false, reason: 'MALFORMED' };
    return merchantAccount(fields);
  } catch {
    // Invalid UTF-8 inside a value.
    return { ok: false, reason: 'MALFORMED' };
  }
}

function merchantAccount(fields: Fields): VietQrResult {
  const notTransfer = { ok: false, reason: 'NOT_VIETQR_TRANSFER' } as const;
  const initiation = text(fields.get('01'));
  if (initiation !== undefined && initiation !== '11' && initiation !== '12') return { ok: false, reason: 'MALFORMED' };
  const raw = fields.get('38');
  if (raw === undefined) return notTransfer;
  const account = tlv(raw);
  if (account === null || text(account.get('00')) !== NAPAS_GUID) return notTransfer;
  const beneficiaryRaw = account.get('01');
  const beneficiary = beneficiaryRaw === undefined ? null : tlv(beneficiaryRaw);
  if (beneficiary === null) return notTransfer;
  const bin = text(beneficiary.get('00'));
  const accountNumber = text(beneficiary.get('01'));
  // Some generators (vietqr-ts) nest the service code inside 38.01 instead of beside it; both are read.
  const service = text(account.get('02')) ?? text(beneficiary.get('02'));
  if (bin === undefined || !/^[0-9]{6}$/.test(bin) || !accountNumber || service === undefined || !SERVICES.has(service)) return notTransfer;
  const currency = text(fields.get('53'));
  const country = text(fields.get('58'));
  if ((currency !== undefined && currency !== '704') || (country !== undefined && country !== 'VN')) return notTransfer;
  const amountText = text(fields.get('54'));
  if (amountText !== undefined && !/^[0-9]+(?:\.[0-9]+)?$/.test(amountText)) return { ok: false, reason: 'MALFORMED' };
  const extra = fields.get('62');
  const additional = extra === undefined ? null : tlv(extra);
  return {
    ok: true,
    transfer: {
      bin,
      accountNumber,
      service: service as VietQrTransfer['service'],
      dynamic: initiation === '12',
      amount: amountText === undefined ? null : Math.round(Number(amountText)),
      purpose: text(additional?.get('08')) ?? null,
    },
  };
}
