import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, VndScalar } from '../../schema/index.js';
import type { EntitlementRecord } from '../../adapters/shared/types.js';
import { Agency, EntitlementStatus, Program } from './enums.js';

/** One monthly benefit, as both root subgraphs (registry and social insurance) publish it. */
@ObjectType()
@Directive('@shareable')
export class Entitlement {
  @Field(() => ID) id!: string;
  @Field(() => Program) program!: Program;
  @Field(() => String, { description: 'Category code in the source system, e.g. an assistance or merit category.' })
  category!: string;
  @Field(() => String) categoryName!: string;
  @Field(() => Agency) source!: Agency;
  @Field(() => VndScalar) monthlyAmount!: number;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => EntitlementStatus) status!: EntitlementStatus;
  @Field(() => String, { nullable: true, description: '10-digit social insurance (BHXH) code, for entitlements paid by social insurance.' })
  insuranceCode!: string | null;

  /** From an agency record, tagged with its source. */
  static from(record: EntitlementRecord, source: Agency, insuranceCode: string | null = null): Entitlement {
    return Object.assign(new Entitlement(), {
      id: record.id,
      program: record.program as Program,
      category: record.category,
      categoryName: record.categoryName,
      source,
      monthlyAmount: record.monthlyAmount,
      startDate: record.startDate,
      endDate: record.endDate,
      status: record.status as EntitlementStatus,
      insuranceCode,
    });
  }
}
