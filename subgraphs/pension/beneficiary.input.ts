import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AreaCodeScalar } from '../../schema/index.js';
import { EntitlementStatus, PaymentMethod, Program } from '../shared/enums.js';
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
