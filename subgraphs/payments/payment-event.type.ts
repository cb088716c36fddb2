import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/index.js';
import { Agency } from '../shared/enums.js';
import { PaymentStatus } from './enums.js';
import type { PaymentEventView } from './payment-state.js';

/** One report on a payment, from whichever source made it. */
@ObjectType()
export class PaymentEvent {
  @Field(() => PaymentStatus) status!: PaymentStatus;
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => Agency) source!: Agency;
  @Field(() => String, { nullable: true, description: 'Reference at the source: treasury order, bank transaction or post receipt number.' })
  reference!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Boolean, {
    description:
      'False for a report kept for the record but not applied, because it would have moved the payment backwards or skipped a state (the note says which).',
  })
  applied!: boolean;

  /** From the state machine's view of the event. */
  static from(e: PaymentEventView): PaymentEvent {
    return Object.assign(new PaymentEvent(), {
      status: e.status as PaymentStatus,
      at: e.at,
      source: e.source as Agency,
      reference: e.reference,
      note: e.note,
      applied: e.applied,
    });
  }
}
