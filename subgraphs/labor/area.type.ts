import { Directive, Field, ObjectType } from 'type-graphql';
import { AreaCodeScalar } from '../../schema/index.js';
import { AreaLevel } from '../shared/enums.js';

/** An administrative unit in force (post-2025 codes), owned here because the registry holds the list. */
@ObjectType()
@Directive('@key(fields: "code")')
export class Area {
  @Field(() => AreaCodeScalar) code!: string;
  @Field(() => String) name!: string;
  @Field(() => AreaLevel) level!: AreaLevel;
  @Field(() => Area, { nullable: true, description: 'The province of a commune; null for a province.' })
  province!: Area | null;
}
