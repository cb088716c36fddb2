import { Field, ObjectType } from 'type-graphql';
import { LinkCheckName } from './enums.js';

/** One verification step of a link, as it was run. */
@ObjectType()
export class LinkCheck {
  @Field(() => LinkCheckName) name!: LinkCheckName;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String, { nullable: true }) detail!: string | null;
}
