import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PeriodScalar } from '../../schema/index.js';
import { AreaRef } from '../shared/area.type.js';
import { Program } from '../shared/enums.js';
import type { BatchStatus } from './enums.js';
import type { ListRef } from './payment-ledger.js';

/**
 * One monthly payment list (entity: the treasury subgraph adds `treasuryOrder`). Period, program and area come
 * from the ID itself, so a reference needs no I/O; counts, status, payer and payments load in their resolvers.
 */
@ObjectType({ description: 'One monthly payment list of one program for one area, sent to one payer organisation.' })
@Directive('@key(fields: "id")')
export class PaymentBatch {
  @Field(() => ID) id!: string;
  @Field(() => PeriodScalar) period!: string;
  @Field(() => Program) program!: Program;
  @Field(() => AreaRef) area!: AreaRef;

  /** The list, when the batch was built from one (not a field; absent on a bare reference). */
  ref?: ListRef;
  /** The status, when it was computed together with other batches' (not a field). */
  knownStatus?: BatchStatus;
}
