import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';
import { Citizen } from './citizen.type.js';

/** The population database's share of the `Beneficiary` entity. */
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Beneficiary {
  @Field(() => CitizenIdScalar) citizenId!: string;

  @Field(() => Citizen, { nullable: true, description: 'Null when the population database has no such person (alert CITIZEN_NOT_FOUND).' })
  citizen?: Citizen | null;
}
