import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';
import { RegistryRecord } from './registry-record.type.js';
import { Representative } from './representative.type.js';

/** The registry's share of the `Beneficiary` entity; fields load in their resolvers, not in the reference. */
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Beneficiary {
  @Field(() => CitizenIdScalar) citizenId!: string;

  @Field(() => RegistryRecord, { nullable: true, description: "The registry's file on this person; null when the registry does not hold them." })
  registryRecord?: RegistryRecord | null;

  @Field(() => [Representative], {
    nullable: true,
    description: 'Guardians and authorized proxies on the registry; [] for people it does not hold; null with an error when it is unavailable.',
  })
  representatives?: Representative[] | null;
}
