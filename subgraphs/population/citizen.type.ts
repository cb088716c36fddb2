import { Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar, DateScalar } from '../../schema/index.js';
import { AreaRef } from '../shared/area.type.js';
import { Sex, VitalStatus } from '../shared/enums.js';

@ObjectType()
export class Address {
  @Field(() => AreaRef) area!: AreaRef;
  @Field(() => String, { nullable: true, description: 'Street, hamlet or village line as held by the population database.' })
  line!: string | null;
}

/** A person as held by the national population database. */
@ObjectType({ description: 'A person as held by the national population database.' })
export class Citizen {
  @Field(() => CitizenIdScalar) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => DateScalar) dateOfBirth!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => VitalStatus) vitalStatus!: VitalStatus;
  @Field(() => DateScalar, { nullable: true }) dateOfDeath!: string | null;
  @Field(() => Address, { nullable: true }) permanentAddress!: Address | null;
  @Field(() => String, { nullable: true, description: 'Phone number with all but the last 3 digits masked.' })
  phoneMasked!: string | null;
}
