import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { PaymentList } from '../../adapters/shared/types.js';
import { PeriodScalar, vietnamDate } from '../../schema/index.js';
import { badUserInput } from '../shared/errors.js';
import { Beneficiary } from './beneficiary.type.js';
import type { PaymentsContext } from './context.js';
import { compareKeys, type ListRoot } from './payment-ids.js';
import { guarded, listVisible, timelinesOf, toGraphQLError, type PaymentRow } from './payment-ledger.js';
import { toPayment } from './payment-views.js';
import { Payment } from './payment.type.js';

const PROGRAM_ORDER = ['SOCIAL_ASSISTANCE', 'MERIT_ALLOWANCE', 'PENSION', 'SOCIAL_INSURANCE_ALLOWANCE', 'UNEMPLOYMENT_BENEFIT'];

/** The `count` months up to and including the one `today` falls in, newest first. */
export function monthsBack(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Newest period first; within a month by program, then list and payment. */
const newestFirst = (a: PaymentRow, b: PaymentRow): number =>
  (a.list.period < b.list.period ? 1 : a.list.period > b.list.period ? -1 : 0) ||
  PROGRAM_ORDER.indexOf(a.list.program) - PROGRAM_ORDER.indexOf(b.list.program) ||
  compareKeys([a.list.id, a.item.paymentId], [b.list.id, b.item.paymentId]);

@Resolver(() => Beneficiary)
export class BeneficiaryPaymentsResolver {
  /**
   * A person's payments, newest first. The agencies list payments by month and commune only, so the roots are
   * asked which commune manages the person, then that commune's lists of each month in the window (lists of
   * neighbours asked for in the same tick share the calls). A payer or the treasury not answering makes the
   * field null with SOURCE_UNAVAILABLE naming it.
   */
  @Authorized()
  @FieldResolver(() => [Payment], {
    nullable: true,
    description:
      "Payments, newest first. 'period' keeps only that month; 'last' caps the number of payments returned. Null with an error when the payer data is unavailable or the scope is missing.",
  })
  async payments(
    @Root() b: Beneficiary,
    @Arg('period', () => PeriodScalar, { nullable: true }) period: string | null,
    @Arg('last', () => Int, { nullable: true, defaultValue: 12 }) last: number | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment[]> {
    const cap = last ?? 12;
    if (!Number.isInteger(cap) || cap < 0) throw badUserInput('last must not be negative');
    if (cap === 0 || ctx.principal.areas.length === 0) return [];
    const [registry, insured] = await Promise.all([
      guarded(ctx.loaders.registry.load(b.citizenId), 'LABOR_REGISTRY'),
      guarded(ctx.loaders.insured.load(b.citizenId), 'SOCIAL_INSURANCE'),
    ]);
    const homes: { root: ListRoot; communeCode: string; provinceCode: string }[] = [];
    if (registry) homes.push({ root: 'LABOR_REGISTRY', communeCode: registry.communeCode, provinceCode: registry.provinceCode });
    if (insured) homes.push({ root: 'SOCIAL_INSURANCE', communeCode: insured.communeCode, provinceCode: insured.provinceCode });
    if (homes.length === 0) return [];
    const months = period ? [period] : monthsBack(vietnamDate(ctx.clock()), ctx.settings.historyMonths);
    const asks = homes.flatMap((h) => months.map((m) => ({ root: h.root, key: `${h.root}|${m}|${h.provinceCode}|${h.communeCode}` })));
    const answers = await ctx.loaders.communeLists.loadMany(asks.map((a) => a.key));
    const rows: PaymentRow[] = [];
    answers.forEach((lists: readonly PaymentList[] | Error, i) => {
      if (lists instanceof Error) throw toGraphQLError(lists, asks[i]!.root);
      for (const list of lists) {
        if (!listVisible(ctx, list)) continue;
        for (const item of list.items) if (item.citizenId === b.citizenId) rows.push({ root: asks[i]!.root, list, item });
      }
    });
    const kept = rows.sort(newestFirst).slice(0, cap);
    const timelines = await timelinesOf(ctx, kept);
    return kept.map((row, i) => toPayment(row, timelines[i]!));
  }
}
