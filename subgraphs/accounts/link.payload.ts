import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from './enums.js';
import type { LinkAnswer } from './link.service.js';
import { PaymentAccountLink } from './payment-account-link.type.js';

@ObjectType()
export class UserError {
  @Field(() => UserErrorCode) code!: UserErrorCode;
  @Field(() => [String], { nullable: true, description: "Path to the input field at fault, e.g. ['input', 'accountNumber']." })
  field!: string[] | null;
  @Field(() => String) message!: string;
}

/** Fields both payloads share, filled from the service's answer. */
function fill<T extends { link: PaymentAccountLink | null; userErrors: UserError[]; replayed: boolean }>(target: T, answer: LinkAnswer): T {
  target.link = answer.link ? PaymentAccountLink.from(answer.link) : null;
  target.userErrors = answer.userErrors.map((e) => Object.assign(new UserError(), { code: e.code as UserErrorCode, field: e.field ? [...e.field] : null, message: e.message }));
  target.replayed = answer.replayed;
  return target;
}

@ObjectType()
export class LinkPaymentAccountPayload {
  @Field(() => PaymentAccountLink, { nullable: true }) link!: PaymentAccountLink | null;
  @Field(() => [UserError]) userErrors!: UserError[];
  @Field(() => Boolean, { description: 'True when this answer is the stored result of an earlier call with the same key.' })
  replayed!: boolean;

  static from(answer: LinkAnswer): LinkPaymentAccountPayload {
    return fill(new LinkPaymentAccountPayload(), answer);
  }
}

@ObjectType()
export class UnlinkPaymentAccountPayload {
  @Field(() => PaymentAccountLink, { nullable: true }) link!: PaymentAccountLink | null;
  @Field(() => [UserError]) userErrors!: UserError[];
  @Field(() => Boolean) replayed!: boolean;

  static from(answer: LinkAnswer): UnlinkPaymentAccountPayload {
    return fill(new UnlinkPaymentAccountPayload(), answer);
  }
}
