import { Field, ID, InputType } from 'type-graphql';
import { CitizenIdScalar } from '../../schema/index.js';
import { PaymentMethod, RecipientRole } from '../shared/enums.js';

@InputType()
export class LinkPaymentAccountInput {
  @Field(() => String, { description: 'Client-chosen key, 8 to 255 characters; a retry with the same key and input returns the first result.' })
  idempotencyKey!: string;
  @Field(() => CitizenIdScalar) beneficiaryCitizenId!: string;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => RecipientRole, { defaultValue: RecipientRole.SELF })
  recipientRole!: RecipientRole;
  @Field(() => CitizenIdScalar, { nullable: true, description: 'Required unless recipientRole is SELF.' })
  recipientCitizenId?: string | null;
  @Field(() => String, { nullable: true, description: "Bank BIN, 'VNPOST' or an e-wallet code; may come from vietQr instead." })
  providerCode?: string | null;
  @Field(() => String, { nullable: true }) accountNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'A VietQR (EMVCo) payload to take providerCode and accountNumber from.' })
  vietQr?: string | null;
  @Field(() => String, { description: "Reference of the beneficiary's signed registration or consent." })
  consentReference!: string;
}

@InputType()
export class UnlinkPaymentAccountInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => ID) linkId!: string;
  @Field(() => String) reason!: string;
}
