/*
 * Wire shapes of the national population database API (mock: mocks/population). camelCase JSON, resource-style
 * paths with custom methods (`citizens:batchGet`), errors as `{ errorCode, errorMessage }`.
 */

export interface PopulationCitizenWire {
  readonly id: string;
  readonly fullName: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly gender: 'M' | 'F';
  readonly lifeStatus: 'LIVING' | 'DECEASED' | 'UNKNOWN';
  readonly deathDate: string | null;
  readonly permanentResidence: {
    readonly communeCode: string;
    readonly provinceCode: string;
    readonly addressLine: string | null;
  } | null;
  readonly phoneNumberMasked: string | null;
}

/** `POST /api/v1/citizens:batchGet` body. */
export interface PopulationBatchGetRequestWire {
  readonly ids: readonly string[];
}

export interface PopulationBatchGetResponseWire {
  readonly citizens: readonly PopulationCitizenWire[];
  readonly notFound: readonly string[];
}

/** `POST /api/v1/account-updates` body; the database deduplicates on `submissionId`. */
export interface PopulationAccountUpdateRequestWire {
  readonly submissionId: string;
  readonly citizenId: string;
  readonly paymentMethod: 'BANK_ACCOUNT' | 'E_WALLET' | 'POST_OFFICE_CASH' | 'HOME_DELIVERY';
  readonly providerCode: string;
  readonly accountNumber: string | null;
  readonly recipientRole: 'SELF' | 'GUARDIAN' | 'AUTHORIZED_PROXY';
  readonly recipientCitizenId: string;
}

export interface PopulationAccountUpdateReceiptWire {
  readonly submissionId: string;
  readonly state: 'ACCEPTED' | 'REFUSED';
  readonly referenceNumber: string | null;
  readonly refusalReason: 'CITIZEN_NOT_FOUND' | 'CITIZEN_DECEASED' | null;
  /** ISO instant the first submission arrived. */
  readonly receivedAt: string;
}

export interface PopulationErrorWire {
  readonly errorCode:
    | 'INVALID_ARGUMENT'
    | 'CITIZEN_NOT_FOUND'
    | 'SUBMISSION_NOT_FOUND'
    | 'SUBMISSION_CONFLICT'
    | 'NOT_FOUND'
    | 'METHOD_NOT_ALLOWED'
    | 'PAYLOAD_TOO_LARGE'
    | 'SERVICE_UNAVAILABLE'
    | 'INTERNAL';
  readonly errorMessage: string;
}
