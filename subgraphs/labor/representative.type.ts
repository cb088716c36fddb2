import { Field, ObjectType } from 'type-graphql';
import { CitizenIdScalar, DateScalar } from '../../schema/index.js';
import { RecipientRole } from '../shared/enums.js';

/** A guardian or authorized proxy on the registry, with the mandate document. */
@ObjectType()
export class Representative {
  @Field(() => RecipientRole) role!: RecipientRole;
  @Field(() => CitizenIdScalar) citizenId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { description: 'Number of the guardianship decision or authorization document.' })
  mandateReference!: string;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validUntil!: string | null;
}
