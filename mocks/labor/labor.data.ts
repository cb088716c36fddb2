import type { RegistryBeneficiary } from '../../adapters/labor/index.js';
import type { AreaRecord, EntitlementStatus, PaymentMethod, PaymentOnFile, Program } from '../../adapters/shared/types.js';
import type { Dataset } from '../fixtures/dataset.js';
import { PaymentListIndex } from '../shared/payment-list-index.js';
import { AreaIndex, FilteredListCache, searchBeneficiaries, sortedByCitizenId } from '../shared/sorted-index.js';

export interface RegistryQuery {
  readonly areaCode?: string;
  readonly visibleAreas?: readonly string[];
  readonly program?: Program;
  readonly status?: EntitlementStatus;
  readonly paymentMethod?: PaymentMethod;
  readonly afterCitizenId?: string;
  readonly limit: number;
}

/** A recorded payment-method change: what was sent (to tell a replay from a key reuse) and when. */
export interface RecordedUpdate {
  readonly fingerprint: string;
  readonly citizenId: string;
  readonly recordedAt: string;
}

/** The registry's part of the data set, indexed once; payment-method changes are kept as an overlay. */
export class LaborData {
  readonly areas: readonly AreaRecord[];
  readonly lists: PaymentListIndex;
  private readonly byId = new Map<string, RegistryBeneficiary>();
  private readonly index: AreaIndex<RegistryBeneficiary>;
  private readonly filtered = new FilteredListCache<RegistryBeneficiary>();
  private readonly paymentOverlay = new Map<string, PaymentOnFile>();
  private readonly updates = new Map<string, RecordedUpdate>();

  constructor(data: Dataset) {
    const sorted = sortedByCitizenId(data.registry);
    for (const b of sorted) this.byId.set(b.citizenId, b);
    this.index = new AreaIndex(sorted, (b) => b);
    this.areas = data.areas;
    this.lists = new PaymentListIndex(data.laborLists);
  }

  /** The beneficiary as the registry holds them now (payment-method changes applied). */
  beneficiary(citizenId: string): RegistryBeneficiary | undefined {
    const b = this.byId.get(citizenId);
    return b && this.current(b);
  }

  /** Keyset page ordered by citizen ID and the count of the whole search. */
  search(q: RegistryQuery): { readonly items: RegistryBeneficiary[]; readonly totalCount: number } {
    const page = searchBeneficiaries(
      this.index,
      this.filtered,
      q,
      (b) => (this.paymentOverlay.get(b.citizenId) ?? b.paymentOnFile).method,
      (b) => b.entitlements,
    );
    return { items: page.items.map((b) => this.current(b)), totalCount: page.totalCount };
  }

  update(requestId: string): RecordedUpdate | undefined {
    return this.updates.get(requestId);
  }

  /** Records a new payment method under its request id. */
  record(requestId: string, citizenId: string, payment: PaymentOnFile, fingerprint: string, recordedAt: string): RecordedUpdate {
    this.paymentOverlay.set(citizenId, payment);
    // Only filtered lists that select on the payment method can change.
    this.filtered.invalidate((key) => !key.endsWith(';m='));
    const recorded = { fingerprint, citizenId, recordedAt };
    this.updates.set(requestId, recorded);
    return recorded;
  }

  private current(b: RegistryBeneficiary): RegistryBeneficiary {
    const overlay = this.paymentOverlay.get(b.citizenId);
    return overlay ? { ...b, paymentOnFile: overlay } : b;
  }
}
