import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ProviderRecord } from '../../adapters/payer/index.js';

export enum ProviderKind {
  BANK = 'BANK',
  POST = 'POST',
  E_WALLET = 'E_WALLET',
}
registerEnumType(ProviderKind, { name: 'ProviderKind' });

/**
 * A bank, e-wallet or the Post. A shareable value type: the payments and accounts subgraphs both publish it, and
 * Federation requires them to publish it identically, so both use this one class.
 */
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
