import type { InsuredPerson } from '../../adapters/pension/index.js';
import type { EntitlementStatus, PaymentMethod, PaymentOnFile, Program } from '../../adapters/shared/types.js';
import type { Dataset } from '../fixtures/dataset.js';
import { PaymentListIndex } from '../shared/payment-list-index.js';
import { AreaIndex, FilteredListCache, searchBeneficiaries, sortedByCitizenId } from '../shared/sorted-index.js';

export interface InsuredQuery {
  readonly areaCode?: string;
  readonly visibleAreas?: readonly string[];
  readonly program?: Program;
  readonly status?: EntitlementStatus;
  readonly paymentMethod?: PaymentMethod;
  readonly afterCitizenId?: string;
  readonly limit: number;
}

export interface RecordedChange {
  readonly fingerprint: string;
  readonly recordedAt: string;
}

/** BHXH's part of the data set, indexed once by citizen ID, BHXH code and area; payment changes as an overlay. */
export class PensionData {
  readonly lists: PaymentListIndex;
  private readonly byCitizenId = new Map<string, InsuredPerson>();
  private readonly byInsuranceCode = new Map<string, InsuredPerson>();
  private readonly index: AreaIndex<InsuredPerson>;
  private readonly filtered = new FilteredListCache<InsuredPerson>();
  private readonly paymentOverlay = new Map<string, PaymentOnFile>();
  private readonly changes = new Map<string, RecordedChange>();

  constructor(data: Dataset) {
    const sorted = sortedByCitizenId(data.insurance);
    for (const p of sorted) {
      this.byCitizenId.set(p.citizenId, p);
      this.byInsuranceCode.set(p.insuranceCode, p);
    }
    this.index = new AreaIndex(sorted, (p) => p);
    this.lists = new PaymentListIndex(data.insuranceLists);
  }

  byCitizen(citizenId: string): InsuredPerson | undefined {
    const p = this.byCitizenId.get(citizenId);
    return p && this.current(p);
  }

  byCode(insuranceCode: string): InsuredPerson | undefined {
    const p = this.byInsuranceCode.get(insuranceCode);
    return p && this.current(p);
  }

  /** Keyset page ordered by citizen ID and the count of the whole search. */
  search(q: InsuredQuery): { readonly items: InsuredPerson[]; readonly totalCount: number } {
    const page = searchBeneficiaries(
      this.index,
      this.filtered,
      q,
      (p) => (this.paymentOverlay.get(p.citizenId) ?? p.paymentOnFile).method,
      (p) => p.benefits,
    );
    return { items: page.items.map((p) => this.current(p)), totalCount: page.totalCount };
  }

  change(requestId: string): RecordedChange | undefined {
    return this.changes.get(requestId);
  }

  record(requestId: string, citizenId: string, payment: PaymentOnFile, fingerprint: string, recordedAt: string): RecordedChange {
    this.paymentOverlay.set(citizenId, payment);
    // Only filtered lists that select on the payment method can change.
    this.filtered.invalidate((key) => !key.endsWith(';m='));
    const recorded = { fingerprint, recordedAt };
    this.changes.set(requestId, recorded);
    return recorded;
  }

  private current(p: InsuredPerson): InsuredPerson {
    const overlay = this.paymentOverlay.get(p.citizenId);
    return overlay ? { ...p, paymentOnFile: overlay } : p;
  }
}
