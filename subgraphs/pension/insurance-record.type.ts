import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../schema/index.js';
import { AreaRef } from '../shared/area.type.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { PaymentMethod, Sex } from '../shared/enums.js';

/**
 * A person's file at social insurance (BHXH), as BHXH holds it. The gateway composes the public
 * `Beneficiary.fullName`, `entitlements`… from it and the registry's record; it is not public itself.
 */
@ObjectType()
export class InsuranceRecord {
  @Field(() => String) fullName!: string;
  @Field(() => DateScalar) dateOfBirth!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => AreaRef, { description: 'The commune that manages the file at BHXH (named by the labor subgraph).' })
  area!: AreaRef;
  @Field(() => PaymentMethod) paymentMethod!: PaymentMethod;
  @Field(() => [Entitlement], { description: 'Pensions and insurance allowances, each with the 10-digit BHXH code.' })
  entitlements!: Entitlement[];
}
