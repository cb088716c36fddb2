import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AreaCodeScalar } from '../../schema/index.js';
import { EntitlementStatus, PaymentMethod, Program } from '../shared/enums.js';
import type { InsuredPerson } from '../../adapters/pension/index.js';
import { Beneficiary } from './beneficiary.type.js';

/** Search filter of social insurance (the gateway passes the public BeneficiaryFilter through). */
@InputType()
export class InsuranceSearchFilter {
  @Field(() => AreaCodeScalar, { nullable: true }) areaCode?: string | null;
  @Field(() => Program, { nullable: true }) program?: Program | null;
  @Field(() => EntitlementStatus, { nullable: true }) status?: EntitlementStatus | null;
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod?: PaymentMethod | null;
}

/** One page of matches in citizen-ID order, with the count of the whole search. */
@ObjectType()
export class InsuranceSearchPage {
  @Field(() => [Beneficiary]) items!: Pick<Beneficiary, 'citizenId'>[];
  @Field(() => Int) totalCount!: number;
}

/**
 * True when BHXH's search would match this person (the same terms as the agency's search: area by commune or
 * province, method on file, program and status on one benefit).
 */
export function insuranceMatches(p: InsuredPerson, f: InsuranceSearchFilter): boolean {
  if (f.areaCode && f.areaCode !== p.communeCode && f.areaCode !== p.provinceCode) return false;
  if (f.paymentMethod && p.paymentOnFile.method !== f.paymentMethod) return false;
  return !f.program && !f.status ? true : p.benefits.some((e) => (!f.program || e.program === f.program) && (!f.status || e.status === f.status));
}
