import type { LaborAdapter } from '../../adapters/labor/index.js';
import type { PensionAdapter } from '../../adapters/pension/index.js';
import type { PaymentMethod, PaymentOnFile } from '../../adapters/shared/types.js';
import { createLogger, describeError, type Logger } from '../../schema/logger.js';
import type { LinkDraft, ProviderKindValue, RootAgency } from './link-records.js';
import type { ProviderDirectory } from './provider-directory.js';
import { IMPORT_CREATOR, type AccountStore } from './store/account.store.js';

export interface InitialImportDeps {
  readonly store: AccountStore;
  readonly labor: LaborAdapter;
  readonly pension: PensionAdapter;
  readonly providers: ProviderDirectory;
  readonly clock: () => Date;
  /** People per search page; the agencies serve at most 500. */
  readonly pageSize?: number;
  /** Wait after a failed attempt before the next one (default 30 s). */
  readonly retryMs?: number;
  readonly logger?: Logger;
}

/** A person as both roots return them from a search: who, where, and the payment method on file. */
interface RootPerson {
  readonly citizenId: string;
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly paymentOnFile: PaymentOnFile;
}

const ACCOUNT_METHODS: readonly PaymentMethod[] = ['BANK_ACCOUNT', 'E_WALLET'];
const KIND: Readonly<Record<string, ProviderKindValue>> = { BANK_ACCOUNT: 'BANK', E_WALLET: 'E_WALLET' };

/**
 * On first start against an empty store, imports the accounts the registry and social insurance already hold on
 * file as ACTIVE links created by 'registry-import' (architecture.md). Both roots are walked with their ordinary
 * search (citizen-ID keyset pages filtered on the payment method), since neither offers a bulk export; cash methods
 * are not accounts and are left out. Idempotent: people who already have a link are skipped, and a marker row ends it.
 */
export class InitialImport {
  private done = false;
  private retryAt = 0;
  private readonly logger: Logger;

  constructor(private readonly deps: InitialImportDeps) {
    this.logger = deps.logger ?? createLogger('accounts-import', 'silent');
  }

  /** Runs the import unless it has completed before; after a failure (logged) the next call after `retryMs` tries again. */
  async ensure(): Promise<boolean> {
    if (this.done) return true;
    if (this.deps.clock().getTime() < this.retryAt) return false;
    try {
      if (await this.deps.store.isImported()) return (this.done = true);
      const count = await this.run();
      await this.deps.store.markImported(this.deps.clock(), count);
      this.logger.info('accounts on file imported', { links: count });
      return (this.done = true);
    } catch (e) {
      this.logger.warn('initial import of accounts on file failed; will retry', describeError(e));
      this.retryAt = this.deps.clock().getTime() + (this.deps.retryMs ?? 30_000);
      return false;
    }
  }

  private async run(): Promise<number> {
    const { labor, pension } = this.deps;
    const limit = Math.min(this.deps.pageSize ?? 500, 500);
    let count = 0;
    for (const method of ACCOUNT_METHODS) {
      count += await this.walk('LABOR_REGISTRY', (after) =>
        labor.searchBeneficiaries({ paymentMethod: method, limit, ...(after ? { afterCitizenId: after } : {}) }),
      limit);
      count += await this.walk('SOCIAL_INSURANCE', (after) => pension.search({ paymentMethod: method, limit, ...(after ? { afterCitizenId: after } : {}) }), limit);
    }
    return count;
  }

  private async walk(root: RootAgency, page: (after: string | undefined) => Promise<{ items: readonly RootPerson[] }>, limit: number): Promise<number> {
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const { items } = await page(after);
      const drafts: LinkDraft[] = [];
      for (const person of items) {
        const draft = await this.draft(person, root);
        if (draft) drafts.push(draft);
      }
      count += await this.deps.store.importLinks(drafts, this.deps.clock());
      const last = items[items.length - 1];
      if (last === undefined || items.length < limit) return count;
      after = last.citizenId;
    }
  }

  private async draft(person: RootPerson, root: RootAgency): Promise<LinkDraft | null> {
    const onFile = person.paymentOnFile;
    const kind = KIND[onFile.method];
    if (kind === undefined || onFile.accountNumber === null) return null;
    let name = onFile.providerCode;
    try {
      name = (await this.deps.providers.get(onFile.providerCode))?.name ?? name;
    } catch {
      // The provider's name is cosmetic here; the code identifies it.
    }
    return {
      beneficiaryCitizenId: person.citizenId,
      communeCode: person.communeCode,
      provinceCode: person.provinceCode,
      method: onFile.method,
      recipientRole: onFile.recipientRole,
      recipientCitizenId: onFile.recipientCitizenId,
      provider: { code: onFile.providerCode, name, kind },
      accountNumber: onFile.accountNumber,
      // The registry keeps no holder name; nothing was inquired at import.
      accountHolderName: null,
      checks: [],
      consentReference: `${root === 'LABOR_REGISTRY' ? 'registry' : 'bhxh'}-on-file`,
      createdBy: IMPORT_CREATOR,
      clientId: IMPORT_CREATOR,
      roots: [root],
    };
  }
}
