import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CitizenIdScalar, DateScalar, PeriodScalar, VndScalar } from '../../schema/index.js';
import { AreaRef } from '../shared/area.type.js';
import { PaymentMethod, Program } from '../shared/enums.js';

@ObjectType()
export class MethodCount {
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => Int) count!: number;
  @Field(() => VndScalar) amount!: number;
}

/** The monthly cashless-payment report for an area, computed from the same rows `payments` returns. */
@ObjectType({ description: 'The monthly cashless-payment report for an area (the figures local plans track).' })
export class DisbursementSummary {
  @Field(() => AreaRef) area!: AreaRef;
  @Field(() => PeriodScalar) period!: string;
  @Field(() => Program, { nullable: true }) program!: Program | null;
  @Field(() => Int) beneficiaryCount!: number;
  /**
   * Internal: the people `beneficiaryCount` counts. The gateway asks the accounts store which of them hold an
   * ACTIVE bank or e-wallet link and publishes `withAccountCount` and `accountCoverageRate` from that.
   */
  @Field(() => [CitizenIdScalar], { description: 'Internal: the beneficiaries counted, for the gateway-composed account coverage.' })
  beneficiaryCitizenIds!: string[];
  @Field(() => Int) paymentCount!: number;
  @Field(() => Int) paidCount!: number;
  @Field(() => Int, { description: 'Paid through a bank account or e-wallet.' })
  paidCashlessCount!: number;
  @Field(() => Float, { description: 'paidCashlessCount / paidCount, 0..1 (0 when nothing is paid).' })
  cashlessRate!: number;
  @Field(() => Int) failedCount!: number;
  @Field(() => Int) returnedCount!: number;
  @Field(() => VndScalar) totalAmount!: number;
  @Field(() => VndScalar) paidAmount!: number;
  @Field(() => [MethodCount]) byMethod!: MethodCount[];
  @Field(() => DateScalar, { description: "When this period's report is due to the province (configurable day of the period's month, default the 10th)." })
  reportDueDate!: string;
}
