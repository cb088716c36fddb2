import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../schema/index.js';
import { Entitlement } from '../shared/entitlement.type.js';
import { PaymentMethod, Sex } from '../shared/enums.js';
import { Area } from './area.type.js';

/**
 * A person's file on the registry, as the registry holds it. The gateway composes the public
 * `Beneficiary.fullName`, `entitlements`… from it and social insurance's record; it is not public itself.
 */
@ObjectType()
export class RegistryRecord {
  @Field(() => String) fullName!: string;
  @Field(() => DateScalar) dateOfBirth!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => Area) area!: Area;
  @Field(() => PaymentMethod) paymentMethod!: PaymentMethod;
  @Field(() => [Entitlement]) entitlements!: Entitlement[];
}
