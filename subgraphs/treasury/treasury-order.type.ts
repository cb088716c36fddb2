import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { TreasuryOrderRecord } from '../../adapters/treasury/index.js';
import { DateTimeScalar, VndScalar, vietnamDateTime } from '../../schema/index.js';

export enum TreasuryOrderStatus {
  PENDING = 'PENDING',
  TRANSFERRED = 'TRANSFERRED',
  REJECTED = 'REJECTED',
}
registerEnumType(TreasuryOrderStatus, { name: 'TreasuryOrderStatus' });

/** The State Treasury's funding order for one monthly list. */
@ObjectType()
export class TreasuryOrder {
  @Field(() => String) reference!: string;
  @Field(() => VndScalar) amount!: number;
  @Field(() => TreasuryOrderStatus) status!: TreasuryOrderStatus;
  @Field(() => DateTimeScalar, { nullable: true }) transferredAt!: string | null;

  /** From the treasury's record; instants shown with the +07:00 offset. */
  static from(o: TreasuryOrderRecord): TreasuryOrder {
    const t = o.transferredAt === null ? Number.NaN : Date.parse(o.transferredAt);
    return Object.assign(new TreasuryOrder(), {
      reference: o.reference,
      amount: o.amount,
      status: o.status as TreasuryOrderStatus,
      transferredAt: o.transferredAt === null ? null : Number.isNaN(t) ? o.transferredAt : vietnamDateTime(new Date(t)),
    });
  }
}
