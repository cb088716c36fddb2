import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TreasuryOrder } from './treasury-order.type.js';

/** The treasury's share of the `PaymentBatch` entity (owned by the payments subgraph). */
@ObjectType()
@Directive('@key(fields: "id")')
export class PaymentBatch {
  @Field(() => ID) id!: string;

  @Field(() => TreasuryOrder, { nullable: true, description: 'Null while the treasury holds no funding order for the list.' })
  treasuryOrder?: TreasuryOrder | null;
}
