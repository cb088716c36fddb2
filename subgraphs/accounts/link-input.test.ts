import { describe, expect, test } from 'vitest';
import { requestHash, validateLinkInput, validateUnlinkInput, type LinkInputValues } from './link-input.js';

const QR = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
const base: LinkInputValues = {
  idempotencyKey: 'key-0001',
  beneficiaryCitizenId: '038050000101',
  method: 'BANK_ACCOUNT',
  recipientRole: 'SELF',
  providerCode: '970415',
  accountNumber: '101234567890',
  consentReference: 'DK-2026-001',
};
const errorOf = (input: Partial<LinkInputValues>) => {
  const r = validateLinkInput({ ...base, ...input });
  return r.ok ? null : r.error;
};

describe('validateLinkInput', () => {
  test('a complete bank request passes as given, the recipient being the beneficiary', () => {
    expect(validateLinkInput(base)).toEqual({
      ok: true,
      request: {
        beneficiaryCitizenId: '038050000101',
        method: 'BANK_ACCOUNT',
        recipientRole: 'SELF',
        recipientCitizenId: '038050000101',
        providerCode: '970415',
        accountNumber: '101234567890',
        providerField: ['input', 'providerCode'],
        accountField: ['input', 'accountNumber'],
        consentReference: 'DK-2026-001',
      },
    });
  });

  test('provider and account come from a VietQR, and errors about them then point at it', () => {
    const r = validateLinkInput({ ...base, providerCode: null, accountNumber: null, vietQr: QR });
    expect(r.ok && r.request).toMatchObject({ providerCode: '970415', accountNumber: '0011001932418', providerField: ['input', 'vietQr'], accountField: ['input', 'vietQr'] });
  });

  test.each([
    [{ idempotencyKey: 'short' }, ['input', 'idempotencyKey']],
    [{ idempotencyKey: 'k'.repeat(256) }, ['input', 'idempotencyKey']],
    [{ recipientRole: 'GUARDIAN' as const }, ['input', 'recipientCitizenId']],
    [{ recipientRole: 'GUARDIAN' as const, recipientCitizenId: '038050000101' }, ['input', 'recipientCitizenId']],
    [{ recipientCitizenId: '038078000404' }, ['input', 'recipientCitizenId']],
    [{ accountNumber: null }, ['input', 'accountNumber']],
    [{ accountNumber: '   ' }, ['input', 'accountNumber']],
    [{ accountNumber: '12-34' }, ['input', 'accountNumber']],
    [{ providerCode: null }, ['input', 'providerCode']],
    [{ vietQr: QR.slice(0, -1) + 'D' }, ['input', 'vietQr']],
    [{ vietQr: 'not a qr' }, ['input', 'vietQr']],
    [{ vietQr: QR }, ['input', 'vietQr']],
    [{ method: 'POST_OFFICE_CASH' as const }, ['input', 'accountNumber']],
    [{ method: 'HOME_DELIVERY' as const, accountNumber: null, vietQr: QR }, ['input', 'vietQr']],
    [{ consentReference: ' ' }, ['input', 'consentReference']],
  ])('%j answers INVALID_INPUT at %j', (input, field) => {
    expect(errorOf(input)).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  test('the idempotency key is checked first', () => {
    expect(errorOf({ idempotencyKey: 'x', accountNumber: null, consentReference: '' })?.field).toEqual(['input', 'idempotencyKey']);
  });

  test('cash methods need neither provider nor account', () => {
    const r = validateLinkInput({ ...base, method: 'POST_OFFICE_CASH', providerCode: null, accountNumber: null });
    expect(r.ok && r.request).toMatchObject({ providerCode: null, accountNumber: null });
  });
});

describe('validateUnlinkInput', () => {
  test('needs a key and a reason', () => {
    expect(validateUnlinkInput({ idempotencyKey: 'unlink-01', linkId: 'x', reason: 'moved away' })).toBeNull();
    expect(validateUnlinkInput({ idempotencyKey: 'u', linkId: 'x', reason: 'moved away' })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] });
    expect(validateUnlinkInput({ idempotencyKey: 'unlink-01', linkId: 'x', reason: '' })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'reason'] });
  });
});

describe('requestHash', () => {
  test('ignores the key and absent-versus-null, and tells operations and inputs apart', () => {
    expect(requestHash('link', base)).toBe(requestHash('link', { ...base, idempotencyKey: 'another-key', vietQr: null }));
    expect(requestHash('link', base)).not.toBe(requestHash('link', { ...base, accountNumber: '101234567891' }));
    const unlink = { idempotencyKey: 'k', linkId: 'l', reason: 'r' };
    expect(requestHash('unlink', unlink)).not.toBe(requestHash('link', unlink as never));
  });
});
