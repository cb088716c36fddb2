import DataLoader from 'dataloader';
import type { LaborAdapter, RegistryBeneficiary } from '../../adapters/labor/index.js';
import type { PayerAdapter, PayerEvent } from '../../adapters/payer/index.js';
import type { InsuredPerson, PensionAdapter } from '../../adapters/pension/index.js';
import type { CallContext, PaymentList, PaymentListQuery, Program } from '../../adapters/shared/types.js';
import type { TreasuryAdapter, TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import type { BaseContext } from '../shared/context.js';
import type { ListRoot } from './payment-ids.js';
import type { ReferenceData } from './reference-data.js';

/** The agencies behind the payments subgraph. */
export interface PaymentsAdapters {
  readonly labor: LaborAdapter;
  readonly pension: PensionAdapter;
  readonly payer: PayerAdapter;
  readonly treasury: TreasuryAdapter;
}

/** Tunables of the payments subgraph (main.ts reads them from the environment). */
export interface PaymentsSettings {
  /** Day of the period's month the monthly report is due (default 10; clamped to the month's length). */
  readonly reportDueDay: number;
  /** Months, the current one included, that `Beneficiary.payments` looks back over when no period is given. */
  readonly historyMonths: number;
  /**
   * When more communes than this of one province are asked for in one tick (a page of beneficiaries), their
   * lists are fetched with one province query instead of one query per commune.
   */
  readonly provinceFetchThreshold: number;
}

export const DEFAULT_PAYMENTS_SETTINGS: PaymentsSettings = Object.freeze({ reportDueDay: 10, historyMonths: 12, provinceFetchThreshold: 3 });

/** A list query at one root: `area` and `program` '*' when not restricted. */
export interface ListQueryKey {
  readonly root: ListRoot;
  readonly period: string;
  readonly area: string;
  readonly program: string;
}

export interface PaymentsContext extends BaseContext {
  readonly adapters: PaymentsAdapters;
  readonly reference: ReferenceData;
  readonly settings: PaymentsSettings;
  readonly clock: () => Date;
  readonly loaders: {
    /** Lists of one root for a period, area and program (`root|period|area|program`, '*' = any). */
    readonly lists: DataLoader<string, readonly PaymentList[]>;
    /** Lists of one root, period and commune (`root|period|province|commune`), grouped into province queries. */
    readonly communeLists: DataLoader<string, readonly PaymentList[]>;
    /** The treasury's funding order by list ID (null when it has none); one batched call per tick. */
    readonly order: DataLoader<string, TreasuryOrderRecord | null>;
    /** The payers' reports by payment ID ([] when none); one batched call per tick. */
    /** Payer results by payment id, one loader per payer so one payer's outage fails only its payments. */
    readonly bankEvents: DataLoader<string, readonly PayerEvent[]>;
    readonly postEvents: DataLoader<string, readonly PayerEvent[]>;
    /** The registry's file by citizen ID (null when not held). */
    readonly registry: DataLoader<string, RegistryBeneficiary | null>;
    /** Social insurance's file by citizen ID (null when not held). */
    readonly insured: DataLoader<string, InsuredPerson | null>;
  };
}

/** `root|period|area|program`. */
export const listQueryKey = (k: ListQueryKey): string => `${k.root}|${k.period}|${k.area}|${k.program}`;

function parseListKey(key: string): ListQueryKey {
  const [root, period, area, program] = key.split('|') as [ListRoot, string, string, string];
  return { root, period, area, program };
}

function fetchLists(adapters: PaymentsAdapters, k: ListQueryKey, ctx: CallContext): Promise<readonly PaymentList[]> {
  const query: PaymentListQuery = {
    period: k.period,
    ...(k.area !== '*' ? { areaCode: k.area } : {}),
    ...(k.program !== '*' ? { program: k.program as Program } : {}),
  };
  return k.root === 'LABOR_REGISTRY' ? adapters.labor.getPaymentLists(query, ctx) : adapters.pension.getPaymentLists(query, ctx);
}

/** Runs one call per key, each failure standing for its own key only. */
async function eachKey<T>(keys: readonly string[], load: (key: string) => Promise<T>): Promise<(T | Error)[]> {
  const settled = await Promise.allSettled(keys.map(load));
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason instanceof Error ? s.reason : new Error(String(s.reason))));
}

/**
 * Commune list queries of one tick, grouped by root, period and province: a province with many communes asked
 * for is fetched once and split by commune.
 */
function communeListsBatch(adapters: PaymentsAdapters, settings: PaymentsSettings, ctx: CallContext) {
  return async (keys: readonly string[]): Promise<(readonly PaymentList[] | Error)[]> => {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const [root, period, province] = key.split('|');
      const g = `${root}|${period}|${province}`;
      const list = groups.get(g);
      if (list) list.push(key);
      else groups.set(g, [key]);
    }
    const answers = new Map<string, readonly PaymentList[] | Error>();
    await Promise.all(
      [...groups].map(async ([group, members]) => {
        const [root, period, province] = group.split('|') as [ListRoot, string, string];
        if (members.length > settings.provinceFetchThreshold) {
          try {
            const lists = await fetchLists(adapters, { root, period, area: province, program: '*' }, ctx);
            for (const key of members) {
              const commune = key.split('|')[3];
              answers.set(key, lists.filter((l) => l.communeCode === commune));
            }
          } catch (e) {
            for (const key of members) answers.set(key, e instanceof Error ? e : new Error(String(e)));
          }
          return;
        }
        const results = await eachKey(members, (key) => fetchLists(adapters, { root, period, area: key.split('|')[3]!, program: '*' }, ctx));
        members.forEach((key, i) => answers.set(key, results[i]!));
      }),
    );
    return keys.map((k) => answers.get(k)!);
  };
}

/** Any bank code routes a payment to the bank gateway; only 'VNPOST' goes to the Post. */
const BANK_PROVIDER_STANDIN = 'BANK';
const POST_PROVIDER_CODE = 'VNPOST';

function payerEventsBatch(adapters: PaymentsAdapters, providerCode: string, ctx: CallContext) {
  return async (ids: readonly string[]) => {
    const found = await adapters.payer.getPaymentEvents(ids.map((paymentId) => ({ paymentId, providerCode })), ctx);
    return ids.map((id) => found.get(id) ?? []);
  };
}

/** Loaders live for one request, so nothing personal outlives it. */
export function createPaymentsContext(
  base: BaseContext,
  adapters: PaymentsAdapters,
  reference: ReferenceData,
  settings: PaymentsSettings,
  clock: () => Date,
): PaymentsContext {
  const ctx: CallContext = { correlationId: base.requestId };
  return {
    ...base,
    adapters,
    reference,
    settings,
    clock,
    loaders: {
      lists: new DataLoader((keys: readonly string[]) => eachKey(keys, (key) => fetchLists(adapters, parseListKey(key), ctx))),
      communeLists: new DataLoader(communeListsBatch(adapters, settings, ctx)),
      order: new DataLoader(async (ids: readonly string[]) => {
        const found = await adapters.treasury.getOrders(ids, ctx);
        return ids.map((id) => found.get(id) ?? null);
      }),
      // One call per payer and tick however many payments: the adapter splits it into the payer's largest batches.
      bankEvents: new DataLoader(payerEventsBatch(adapters, BANK_PROVIDER_STANDIN, ctx)),
      postEvents: new DataLoader(payerEventsBatch(adapters, POST_PROVIDER_CODE, ctx)),
      registry: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await adapters.labor.getBeneficiaries(ids, ctx);
          return ids.map((id) => found.get(id) ?? null);
        },
        { maxBatchSize: 500 },
      ),
      insured: new DataLoader(
        async (ids: readonly string[]) => {
          const found = await adapters.pension.getByCitizenIds(ids, ctx);
          return ids.map((id) => found.get(id) ?? null);
        },
        { maxBatchSize: 500 },
      ),
    },
  };
}
