import { Directive, Field, ObjectType } from 'type-graphql';
import { AreaCodeScalar } from '../../schema/index.js';

/**
 * A reference to an administrative unit owned by the labor subgraph; other subgraphs return it by code and
 * the gateway fills in the name and province.
 */
@ObjectType('Area')
@Directive('@key(fields: "code", resolvable: false)')
export class AreaRef {
  @Field(() => AreaCodeScalar)
  code!: string;
}
