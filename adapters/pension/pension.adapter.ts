import type {
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

/** A person paid by social insurance (BHXH), keyed by the 10-digit BHXH code and the citizen ID. */
export interface InsuredPerson {
  readonly insuranceCode: string;
  readonly citizenId: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly communeCode: string;
  readonly provinceCode: string;
  /** Pensions and insurance allowances; each entitlement's insurance code is the person's. */
  readonly benefits: readonly EntitlementRecord[];
  readonly paymentOnFile: PaymentOnFile;
}

export interface InsuredSearch {
  readonly areaCode?: string;
  readonly visibleAreas?: readonly string[];
  readonly program?: Program;
  readonly status?: EntitlementStatus;
  readonly paymentMethod?: PaymentMethod;
  readonly afterCitizenId?: string;
  readonly limit: number;
}

export interface InsuredPage {
  readonly items: readonly InsuredPerson[];
  readonly totalCount: number;
}

/** Client of social insurance (BHXH): pensions and insurance allowances. */
export interface PensionAdapter {
  /** One batched lookup by citizen ID; people BHXH does not pay are absent. */
  getByCitizenIds(citizenIds: readonly string[], ctx?: CallContext): Promise<Map<string, InsuredPerson>>;
  /** Lookup by 10-digit BHXH code; null when unknown. */
  getByInsuranceCode(insuranceCode: string, ctx?: CallContext): Promise<InsuredPerson | null>;
  /** Search ordered by citizen ID. */
  search(search: InsuredSearch, ctx?: CallContext): Promise<InsuredPage>;
  updatePaymentMethod(update: PaymentMethodUpdate, ctx?: CallContext): Promise<void>;
  /** Monthly payment lists of pensions and allowances. */
  getPaymentLists(query: PaymentListQuery, ctx?: CallContext): Promise<readonly PaymentList[]>;
}
