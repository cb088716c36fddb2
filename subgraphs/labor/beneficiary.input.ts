import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AreaCodeScalar } from '../../schema/index.js';
import type { RegistryBeneficiary } from '../../adapters/labor/index.js';
import { Beneficiary } from './beneficiary.type.js';
import { EntitlementStatus, PaymentMethod, Program } from '../shared/enums.js';

/** Search filter of the registry (the gateway passes the public BeneficiaryFilter through). */
@InputType()
export class RegistrySearchFilter {
  @Field(() => AreaCodeScalar, { nullable: true }) areaCode?: string | null;
  @Field(() => Program, { nullable: true }) program?: Program | null;
  @Field(() => EntitlementStatus, { nullable: true }) status?: EntitlementStatus | null;
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod?: PaymentMethod | null;
}

/** One page of matches in citizen-ID order, with the count of the whole search. */
@ObjectType()
export class RegistrySearchPage {
  @Field(() => [Beneficiary]) items!: Pick<Beneficiary, 'citizenId'>[];
  @Field(() => Int) totalCount!: number;
}

/**
 * True when the registry's search would match this file (the same terms as the agency's search: area by
 * commune or province, method on file, program and status on one entitlement).
 */
export function registryMatches(b: RegistryBeneficiary, f: RegistrySearchFilter): boolean {
  if (f.areaCode && f.areaCode !== b.communeCode && f.areaCode !== b.provinceCode) return false;
  if (f.paymentMethod && b.paymentOnFile.method !== f.paymentMethod) return false;
  return !f.program && !f.status ? true : b.entitlements.some((e) => (!f.program || e.program === f.program) && (!f.status || e.status === f.status));
}
