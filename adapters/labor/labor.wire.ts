/*
 * Wire shapes of the labor / social-protection registry API (mock: mocks/labor). snake_case JSON, `{ data, meta }`
 * envelopes, errors as `{ error, error_description }`.
 */

export type LaborProgramWire = 'SOCIAL_ASSISTANCE' | 'MERIT_ALLOWANCE' | 'PENSION' | 'SOCIAL_INSURANCE_ALLOWANCE' | 'UNEMPLOYMENT_BENEFIT';
export type LaborMethodWire = 'BANK_ACCOUNT' | 'E_WALLET' | 'POST_OFFICE_CASH' | 'HOME_DELIVERY';
export type LaborRoleWire = 'SELF' | 'GUARDIAN' | 'AUTHORIZED_PROXY';
export type LaborStatusWire = 'ACTIVE' | 'SUSPENDED' | 'ENDED';

export interface LaborEntitlementWire {
  readonly entitlement_id: string;
  readonly program: LaborProgramWire;
  readonly category: string;
  readonly category_name: string;
  readonly monthly_amount: number;
  readonly start_date: string;
  readonly end_date: string | null;
  readonly status: LaborStatusWire;
}

export interface LaborRepresentativeWire {
  readonly role: 'GUARDIAN' | 'AUTHORIZED_PROXY';
  readonly citizen_id: string;
  readonly full_name: string;
  readonly mandate_reference: string;
  readonly valid_from: string;
  readonly valid_until: string | null;
}

export interface LaborPaymentOnFileWire {
  readonly method: LaborMethodWire;
  readonly provider_code: string;
  readonly account_number: string | null;
  readonly recipient_role: LaborRoleWire;
  readonly recipient_citizen_id: string;
}

export interface LaborBeneficiaryWire {
  readonly citizen_id: string;
  readonly full_name: string;
  readonly date_of_birth: string;
  readonly sex: 'MALE' | 'FEMALE';
  readonly commune_code: string;
  readonly province_code: string;
  readonly entitlements: readonly LaborEntitlementWire[];
  readonly representatives: readonly LaborRepresentativeWire[];
  readonly payment_on_file: LaborPaymentOnFileWire;
}

/** `POST /registry/v2/beneficiaries/batch-lookup` body and answer. */
export interface LaborBatchLookupRequestWire {
  readonly citizen_ids: readonly string[];
}
export interface LaborBatchLookupResponseWire {
  readonly data: readonly LaborBeneficiaryWire[];
  readonly missing: readonly string[];
}

/** `GET /registry/v2/beneficiaries?…` answer. */
export interface LaborSearchResponseWire {
  readonly data: readonly LaborBeneficiaryWire[];
  readonly meta: { readonly total_count: number; readonly next_after: string | null };
}

export interface LaborAreaWire {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'commune';
  readonly parent_code: string | null;
}
export interface LaborAreasResponseWire {
  readonly data: readonly LaborAreaWire[];
  readonly meta: { readonly count: number };
}

/** `PUT /registry/v2/beneficiaries/{citizen_id}/payment-method` body; the registry deduplicates on `request_id`. */
export interface LaborPaymentMethodRequestWire extends LaborPaymentOnFileWire {
  readonly request_id: string;
}
export interface LaborPaymentMethodResponseWire {
  readonly data: { readonly request_id: string; readonly citizen_id: string; readonly status: 'RECORDED'; readonly recorded_at: string };
}

export interface LaborPaymentListItemWire {
  readonly payment_id: string;
  readonly citizen_id: string;
  readonly amount: number;
  readonly method: LaborMethodWire;
  readonly provider_code: string;
  readonly account_number: string | null;
  readonly recipient_role: LaborRoleWire;
  readonly recipient_citizen_id: string;
  readonly cancelled_at: string | null;
  readonly cancel_reason: string | null;
}
export interface LaborPaymentListWire {
  readonly list_id: string;
  readonly period: string;
  readonly program: LaborProgramWire;
  readonly commune_code: string;
  readonly province_code: string;
  readonly payer_code: string;
  readonly submitted_at: string;
  readonly items: readonly LaborPaymentListItemWire[];
}
/** `GET /registry/v2/payment-lists?period=&area_code=&program=` answer. */
export interface LaborPaymentListsResponseWire {
  readonly data: readonly LaborPaymentListWire[];
  readonly meta: { readonly count: number };
}

export interface LaborErrorWire {
  readonly error:
    | 'invalid_request'
    | 'beneficiary_not_found'
    | 'request_id_reused'
    | 'not_found'
    | 'method_not_allowed'
    | 'payload_too_large'
    | 'temporarily_unavailable'
    | 'server_error';
  readonly error_description: string;
}
