import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';
import { PaymentAccountLink } from './payment-account-link.type.js';

/** The account-link registry's share of the `Beneficiary` entity; links load in the field resolvers. */
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Beneficiary {
  @Field(() => CitizenIdScalar) citizenId!: string;

  @Field(() => PaymentAccountLink, { nullable: true, description: 'The link in force now, or null.' })
  paymentAccount?: PaymentAccountLink | null;

  @Field(() => [PaymentAccountLink], {
    nullable: true,
    description: 'Every link, newest first, unlinked and rejected ones included; null with an error when the accounts store is unavailable or the scope is missing.',
  })
  paymentAccountHistory?: PaymentAccountLink[] | null;
}
