import { Directive, Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';

/** The payments subgraph's share of the `Beneficiary` entity: `payments` (beneficiary.resolver.ts). */
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Beneficiary {
  @Field(() => CitizenIdScalar) citizenId!: string;
}
