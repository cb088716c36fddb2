import { Directive, Field, ObjectType } from 'type-graphql';
import type { ProviderRecord } from '../../adapters/payer/index.js';
import { ProviderKind } from './enums.js';

/** A bank, e-wallet or the Post; shareable because the accounts subgraph publishes the same value type. */
@ObjectType()
@Directive('@shareable')
export class PaymentProvider {
  @Field(() => String, { description: "Bank BIN (6 digits), 'VNPOST', or an e-wallet code." })
  code!: string;
  @Field(() => String) name!: string;
  @Field(() => ProviderKind) kind!: ProviderKind;

  /** From the payers' own record. */
  static from(p: ProviderRecord): PaymentProvider {
    return Object.assign(new PaymentProvider(), { code: p.code, name: p.name, kind: p.kind as ProviderKind });
  }
}
