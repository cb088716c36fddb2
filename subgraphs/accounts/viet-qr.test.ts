import { describe, expect, test } from 'vitest';
import { crc16CcittFalse, parseVietQr } from './viet-qr.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('CRC-16/CCITT-FALSE', () => {
  test('matches the standard check value', () => {
    expect(crc16CcittFalse(ascii('123456789'))).toBe(0x29b1);
  });
});

describe('parseVietQr', () => {
  test('reads the dynamic sample of domain.md §3', () => {
    const payload = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(parseVietQr(payload)).toEqual({
      ok: true,
      transfer: { bin: '970415', accountNumber: '0011001932418', service: 'QRIBFTTA', dynamic: true, amount: 120000, purpose: 'ung ho lu lut' },
    });
  });

  test('reads the static subiz sample', () => {
    expect(parseVietQr('00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4')).toEqual({
      ok: true,
      transfer: { bin: '970423', accountNumber: '0099999999', service: 'QRIBFTTA', dynamic: false, amount: null, purpose: null },
    });
  });

  test('reads the vietqr-ts fixtures, which nest the service code inside 38.01', () => {
    const fixtures = [
      '00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405500005802VN62160812Test Payment630495B6',
      '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN6304A3CF',
    ];
    expect(fixtures.map((f) => parseVietQr(f))).toEqual([
      { ok: true, transfer: { bin: '970422', accountNumber: '0123456789020', service: 'QRIBFTTA', dynamic: true, amount: 50000, purpose: 'Test Payment' } },
      { ok: true, transfer: { bin: '970422', accountNumber: '0123456789020', service: 'QRIBFTTA', dynamic: false, amount: null, purpose: null } },
    ]);
  });

  test('accepts a lower-case CRC', () => {
    const r = parseVietQr('00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN6304a3cf');
    expect(r.ok).toBe(true);
  });

  test('refuses a wrong CRC', () => {
    expect(parseVietQr('00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB5')).toEqual({ ok: false, reason: 'CRC_MISMATCH' });
    // One digit of the account changed, CRC kept.
    expect(parseVietQr('00020101021138540010A00000072701240006970423011000999999980208QRIBFTTA53037045802VN6304CBB4')).toEqual({ ok: false, reason: 'CRC_MISMATCH' });
  });

  test('refuses payloads that are not EMVCo TLV', () => {
    for (const bad of ['', 'hello', '0002016304ZZZZ', '000201010211385400106304CBB4', 'https://vietqr.net/6304ABCD']) {
      expect(parseVietQr(bad)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });

  test('refuses an EMVCo payload that is not a VietQR transfer', () => {
    const withCrc = (body: string) => {
      const head = body + '6304';
      return head + crc16CcittFalse(ascii(head)).toString(16).toUpperCase().padStart(4, '0');
    };
    // A card-scheme merchant account (tag 26) and no NAPAS tag 38.
    expect(parseVietQr(withCrc('000201010211261000060000005303704'))).toEqual({ ok: false, reason: 'NOT_VIETQR_TRANSFER' });
    // Tag 38 with another GUID.
    expect(parseVietQr(withCrc('00020101021138540010A00000099901240006970423011000999999990208QRIBFTTA53037045802VN'))).toEqual({ ok: false, reason: 'NOT_VIETQR_TRANSFER' });
    // A VietQR of another service (not a transfer).
    expect(parseVietQr(withCrc('00020101021138540010A00000072701240006970423011000999999990208QRPUSHXX53037045802VN'))).toEqual({ ok: false, reason: 'NOT_VIETQR_TRANSFER' });
    // Another currency.
    expect(parseVietQr(withCrc('00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53038405802VN'))).toEqual({ ok: false, reason: 'NOT_VIETQR_TRANSFER' });
  });
});
