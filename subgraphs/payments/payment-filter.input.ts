import { Field, InputType } from 'type-graphql';
import { AreaCodeScalar, PeriodScalar } from '../../schema/index.js';
import { PaymentMethod, Program } from '../shared/enums.js';
import { PaymentStatus } from './enums.js';

@InputType()
export class PaymentFilter {
  @Field(() => PeriodScalar) period!: string;
  @Field(() => AreaCodeScalar, { nullable: true }) areaCode?: string | null;
  @Field(() => Program, { nullable: true }) program?: Program | null;
  @Field(() => PaymentStatus, { nullable: true }) status?: PaymentStatus | null;
  @Field(() => PaymentMethod, { nullable: true }) method?: PaymentMethod | null;
}
