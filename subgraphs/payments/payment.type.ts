import { Field, ID, ObjectType } from 'type-graphql';
import { CitizenIdScalar, DateTimeScalar, PeriodScalar, VndScalar } from '../../schema/index.js';
import { PaymentMethod, Program, RecipientRole } from '../shared/enums.js';
import { PaymentStatus } from './enums.js';
import { PaymentEvent } from './payment-event.type.js';
import type { PaymentRow } from './payment-ledger.js';

/**
 * One line of a monthly list with where it stands. `provider` and `batch` are resolved from the line
 * (payment.resolver.ts); everything else is filled when the payment is built.
 */
@ObjectType()
export class Payment {
  @Field(() => ID) id!: string;
  @Field(() => CitizenIdScalar) beneficiaryCitizenId!: string;
  @Field(() => PeriodScalar) period!: string;
  @Field(() => Program) program!: Program;
  @Field(() => VndScalar) amount!: number;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => RecipientRole) recipientRole!: RecipientRole;
  @Field(() => CitizenIdScalar) recipientCitizenId!: string;
  @Field(() => PaymentStatus) status!: PaymentStatus;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) paidAt!: string | null;
  @Field(() => [PaymentEvent], { description: 'Every status change in order, from every source.' })
  events!: PaymentEvent[];

  /** The list line it was built from (not a field). */
  row!: PaymentRow;
}
