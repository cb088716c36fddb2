import type {
  AreaRecord,
  CallContext,
  EntitlementRecord,
  EntitlementStatus,
  PaymentList,
  PaymentListQuery,
  PaymentMethod,
  PaymentMethodUpdate,
  PaymentOnFile,
  Program,
  Sex,
} from '../shared/types.js';

/** A guardian or authorized proxy on the registry, with the mandate document. */
export interface RegistryRepresentative {
  readonly role: 'GUARDIAN' | 'AUTHORIZED_PROXY';
  readonly citizenId: string;
  readonly fullName: string;
  readonly mandateReference: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
}

/** A beneficiary's file on the labor / social-protection registry. */
export interface RegistryBeneficiary {
  readonly citizenId: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  /** The managing commune and its province. */
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly entitlements: readonly EntitlementRecord[];
  readonly representatives: readonly RegistryRepresentative[];
  /** Method and account on file for the next payment. */
  readonly paymentOnFile: PaymentOnFile;
}

/** Search over the registry; results are ordered by citizen ID. */
export interface RegistrySearch {
  /** A province code covers its communes. */
  readonly areaCode?: string;
  /** The caller's areas ('*' = all); applied by the registry together with `areaCode`. */
  readonly visibleAreas?: readonly string[];
  readonly program?: Program;
  readonly status?: EntitlementStatus;
  readonly paymentMethod?: PaymentMethod;
  /** Exclusive lower bound on citizen ID (keyset pagination). */
  readonly afterCitizenId?: string;
  readonly limit: number;
}

export interface RegistryPage {
  readonly items: readonly RegistryBeneficiary[];
  /** Matches of the whole search, not only this page. */
  readonly totalCount: number;
}

/** Client of the labor / social-protection beneficiary registry. */
export interface LaborAdapter {
  /** One batched lookup; unknown IDs are absent from the map. */
  getBeneficiaries(citizenIds: readonly string[], ctx?: CallContext): Promise<Map<string, RegistryBeneficiary>>;
  searchBeneficiaries(search: RegistrySearch, ctx?: CallContext): Promise<RegistryPage>;
  /** Provinces and communes in force. */
  getAreas(ctx?: CallContext): Promise<readonly AreaRecord[]>;
  /** Records a new payment method; idempotent on `requestId`. */
  updatePaymentMethod(update: PaymentMethodUpdate, ctx?: CallContext): Promise<void>;
  /** Monthly payment lists of the registry's programs (decreases applied as cancellations). */
  getPaymentLists(query: PaymentListQuery, ctx?: CallContext): Promise<readonly PaymentList[]>;
}
