import { createHash } from 'node:crypto';
import type { PaymentMethod, RecipientRole } from '../../adapters/shared/types.js';
import type { UserErrorCode } from '../../schema/index.js';
import { isAccountMethod, type LinkOperation, type UserErrorRecord } from './link-records.js';
import { parseVietQr } from './viet-qr.js';

/** `LinkPaymentAccountInput` as the resolver receives it (scalars already validated by graphql). */
export interface LinkInputValues {
  readonly idempotencyKey: string;
  readonly beneficiaryCitizenId: string;
  readonly method: PaymentMethod;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId?: string | null;
  readonly providerCode?: string | null;
  readonly accountNumber?: string | null;
  readonly vietQr?: string | null;
  readonly consentReference: string;
}

/** `UnlinkPaymentAccountInput`. */
export interface UnlinkInputValues {
  readonly idempotencyKey: string;
  readonly linkId: string;
  readonly reason: string;
}

/** A well-formed link request: the recipient resolved, provider and account taken from the input or the VietQR. */
export interface LinkRequest {
  readonly beneficiaryCitizenId: string;
  readonly method: PaymentMethod;
  readonly recipientRole: RecipientRole;
  readonly recipientCitizenId: string;
  /** Null for cash methods given without a provider (they use the Post). */
  readonly providerCode: string | null;
  readonly accountNumber: string | null;
  /** Input path errors about the provider and the account point at (the VietQR when they came from it). */
  readonly providerField: readonly string[];
  readonly accountField: readonly string[];
  readonly consentReference: string;
}

export const KEY_MIN = 8;
export const KEY_MAX = 255;
const TEXT_MAX = 255;
/** Account or wallet number: VietQR carries at most 19 characters (domain.md §3). */
const ACCOUNT_NUMBER = /^[0-9A-Za-z]{1,19}$/;
const PROVIDER_CODE = /^[0-9A-Za-z_]{1,32}$/;

/** A refusal for one input field. */
export const userError = (code: UserErrorCode, field: readonly string[] | null, message: string): UserErrorRecord => ({ code, field, message });

const invalid = (field: string, message: string) => userError('INVALID_INPUT', ['input', field], message);
const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';

/** INVALID_INPUT when the idempotency key is not 8 to 255 characters; checked before anything else. */
export function checkIdempotencyKey(key: string): UserErrorRecord | null {
  return key.length < KEY_MIN || key.length > KEY_MAX ? invalid('idempotencyKey', `idempotencyKey must be ${KEY_MIN} to ${KEY_MAX} characters`) : null;
}

/**
 * The "input well-formed" step of running.md's check order: the recipient, the account for account methods, the
 * VietQR (CRC, transfer to an account or card), the consent reference. The first failure answers.
 */
export function validateLinkInput(input: LinkInputValues): { ok: true; request: LinkRequest } | { ok: false; error: UserErrorRecord } {
  const fail = (error: UserErrorRecord) => ({ ok: false as const, error });
  const keyError = checkIdempotencyKey(input.idempotencyKey);
  if (keyError) return fail(keyError);

  let recipientCitizenId = input.beneficiaryCitizenId;
  if (input.recipientRole === 'SELF') {
    if (input.recipientCitizenId && input.recipientCitizenId !== input.beneficiaryCitizenId) {
      return fail(invalid('recipientCitizenId', 'recipientCitizenId must be the beneficiary (or absent) when recipientRole is SELF'));
    }
  } else {
    if (!input.recipientCitizenId) return fail(invalid('recipientCitizenId', 'recipientCitizenId is required unless recipientRole is SELF'));
    if (input.recipientCitizenId === input.beneficiaryCitizenId) {
      return fail(invalid('recipientCitizenId', 'a guardian or proxy is someone other than the beneficiary'));
    }
    recipientCitizenId = input.recipientCitizenId;
  }

  let providerCode = blank(input.providerCode) ? null : input.providerCode!.trim();
  let accountNumber = blank(input.accountNumber) ? null : input.accountNumber!.replace(/\s+/g, '');
  let providerField = ['input', 'providerCode'];
  let accountField = ['input', 'accountNumber'];
  if (isAccountMethod(input.method)) {
    if (!blank(input.vietQr)) {
      const qr = parseVietQr(input.vietQr!);
      if (!qr.ok) {
        const why = qr.reason === 'CRC_MISMATCH' ? 'its CRC does not match' : qr.reason === 'MALFORMED' ? 'it is not a well-formed EMVCo payload' : 'it is not a VietQR transfer to an account or card';
        return fail(invalid('vietQr', `vietQr cannot be used: ${why}`));
      }
      if ((providerCode !== null && providerCode !== qr.transfer.bin) || (accountNumber !== null && accountNumber !== qr.transfer.accountNumber)) {
        return fail(invalid('vietQr', 'vietQr names another provider or account than providerCode / accountNumber'));
      }
      providerCode = qr.transfer.bin;
      accountNumber = qr.transfer.accountNumber;
      providerField = ['input', 'vietQr'];
      accountField = ['input', 'vietQr'];
    }
    if (accountNumber === null) return fail(invalid('accountNumber', 'accountNumber (or vietQr) is required for BANK_ACCOUNT and E_WALLET'));
    if (!ACCOUNT_NUMBER.test(accountNumber)) return fail(userError('INVALID_INPUT', accountField, 'the account number must be 1 to 19 letters or digits'));
    if (providerCode === null) return fail(invalid('providerCode', 'providerCode (or vietQr) is required for BANK_ACCOUNT and E_WALLET'));
  } else {
    if (!blank(input.vietQr)) return fail(invalid('vietQr', 'cash methods take no VietQR'));
    if (accountNumber !== null) return fail(invalid('accountNumber', 'cash methods take no account number'));
  }
  if (providerCode !== null && !PROVIDER_CODE.test(providerCode)) return fail(userError('INVALID_INPUT', providerField, 'providerCode is malformed'));
  if (blank(input.consentReference) || input.consentReference.length > TEXT_MAX) {
    return fail(invalid('consentReference', `consentReference must be 1 to ${TEXT_MAX} characters`));
  }
  return {
    ok: true,
    request: {
      beneficiaryCitizenId: input.beneficiaryCitizenId,
      method: input.method,
      recipientRole: input.recipientRole,
      recipientCitizenId,
      providerCode,
      accountNumber,
      providerField,
      accountField,
      consentReference: input.consentReference.trim(),
    },
  };
}

/** INVALID_INPUT for an unlink whose key or reason is unusable. */
export function validateUnlinkInput(input: UnlinkInputValues): UserErrorRecord | null {
  const keyError = checkIdempotencyKey(input.idempotencyKey);
  if (keyError) return keyError;
  if (blank(input.reason) || input.reason.length > TEXT_MAX) return invalid('reason', `reason must be 1 to ${TEXT_MAX} characters`);
  return null;
}

/**
 * A hash of an operation's input, stored with its idempotency record: a retry must send the same input to get the
 * first answer back. Only the hash is kept, so account numbers do not sit in the idempotency table.
 */
export function requestHash(operation: LinkOperation, input: LinkInputValues | UnlinkInputValues): string {
  const values: Record<string, unknown> = { ...input };
  delete values.idempotencyKey;
  // An absent optional field and an explicit null are the same input.
  const fields = Object.keys(values).filter((k) => values[k] !== null && values[k] !== undefined).sort();
  const canonical = JSON.stringify([operation, ...fields.map((k) => [k, values[k]])]);
  return createHash('sha256').update(canonical).digest('hex');
}
