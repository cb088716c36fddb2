import { Directive, Field, ObjectType } from 'type-graphql';
import { ProviderKind } from './enums.js';

/** A bank, e-wallet or the Post; shareable with the payments subgraph, which declares exactly these fields. */
@ObjectType()
@Directive('@shareable')
export class PaymentProvider {
  @Field(() => String, { description: "Bank BIN (6 digits), 'VNPOST', or an e-wallet code." })
  code!: string;
  @Field(() => String) name!: string;
  @Field(() => ProviderKind) kind!: ProviderKind;
}
