import type { PaymentList } from '../../adapters/shared/types.js';

/** Monthly payment lists by period and area (commune and province), built once. */
export class PaymentListIndex {
  private readonly byPeriodArea = new Map<string, PaymentList[]>();

  constructor(lists: readonly PaymentList[]) {
    const push = (key: string, list: PaymentList) => {
      const bucket = this.byPeriodArea.get(key);
      if (bucket) bucket.push(list);
      else this.byPeriodArea.set(key, [list]);
    };
    for (const list of lists) {
      push(`${list.period}|*`, list);
      push(`${list.period}|${list.provinceCode}`, list);
      push(`${list.period}|${list.communeCode}`, list);
    }
  }

  /** The lists of one period, optionally of one province or commune and one program. */
  find(period: string, areaCode: string | undefined, program: string | undefined): readonly PaymentList[] {
    const lists = this.byPeriodArea.get(`${period}|${areaCode ?? '*'}`) ?? [];
    return program === undefined ? lists : lists.filter((l) => l.program === program);
  }
}
