import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Payment } from './payment.type.js';

/** Shareable: other subgraphs page their lists with the same type. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class PaymentEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Payment) node!: Payment;
}

@ObjectType()
export class PaymentConnection {
  @Field(() => [PaymentEdge]) edges!: PaymentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
