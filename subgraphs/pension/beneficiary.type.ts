import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';
import { InsuranceRecord } from './insurance-record.type.js';

/** Social insurance's share of the `Beneficiary` entity; fields load in their resolvers, not in the reference. */
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Beneficiary {
  @Field(() => CitizenIdScalar) citizenId!: string;

  @Field(() => InsuranceRecord, { nullable: true, description: "Social insurance's file on this person; null when BHXH does not pay them." })
  insuranceRecord?: InsuranceRecord | null;
}
