import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AreaCodeScalar, PeriodScalar } from '../../schema/index.js';
import { PaymentMethod, Program } from '../shared/enums.js';
import { forbidden } from '../shared/errors.js';
import type { PaymentsContext } from './context.js';
import { DisbursementSummary, MethodCount } from './disbursement-summary.type.js';
import { findLists, guarded, rowsOf, timelinesOf } from './payment-ledger.js';
import { reportDueDate, summarize } from './summary.js';

/** True when the caller's areas cover the whole area (a province covers its communes; a commune never covers its province). */
async function covers(ctx: PaymentsContext, areaCode: string): Promise<boolean> {
  const areas = ctx.principal.areas;
  if (areas.includes('*') || areas.includes(areaCode)) return true;
  if (areaCode.length !== 5 || !areas.some((a) => a.length === 2)) return false;
  const commune = await guarded(ctx.reference.area(areaCode), 'LABOR_REGISTRY');
  return commune?.provinceCode != null && areas.includes(commune.provinceCode);
}

@Resolver(() => DisbursementSummary)
export class DisbursementSummaryResolver {
  /**
   * The monthly report of a commune or province, optionally for one program, over exactly the payments that
   * `payments(filter: { period, areaCode, program })` lists. FORBIDDEN for an area the caller does not cover.
   */
  @Authorized()
  @Query(() => DisbursementSummary, { nullable: true })
  async disbursementSummary(
    @Arg('areaCode', () => AreaCodeScalar) areaCode: string,
    @Arg('period', () => PeriodScalar) period: string,
    @Arg('program', () => Program, { nullable: true }) program: Program | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<DisbursementSummary> {
    if (!(await covers(ctx, areaCode))) throw forbidden();
    const rows = rowsOf(await findLists(ctx, { period, areaCode, program }));
    const timelines = await timelinesOf(ctx, rows);
    const figures = summarize(
      rows.map((r, i) => ({
        citizenId: r.item.citizenId,
        method: r.item.method,
        amount: r.item.amount,
        status: timelines[i]!.status,
      })),
    );
    return Object.assign(new DisbursementSummary(), {
      ...figures,
      byMethod: figures.byMethod.map((m) => Object.assign(new MethodCount(), { ...m, method: m.method as PaymentMethod })),
      area: { code: areaCode },
      period,
      program: program ?? null,
      reportDueDate: reportDueDate(period, ctx.settings.reportDueDay),
    });
  }
}
