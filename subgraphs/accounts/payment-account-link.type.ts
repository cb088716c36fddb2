import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { CitizenIdScalar, DateTimeScalar, vietnamDateTime } from '../../schema/index.js';
import { PaymentMethod, RecipientRole } from '../shared/enums.js';
import { LinkCheckName, LinkStatus, ProviderKind } from './enums.js';
import { LinkCheck } from './link-check.type.js';
import { maskAccountNumber, type StoredLink } from './link-records.js';
import { PaymentProvider } from '../shared/payment-provider.type.js';

/** A payment account (or cash method) linked to a beneficiary, with the checks it passed. */
@ObjectType()
export class PaymentAccountLink {
  @Field(() => ID) id!: string;
  @Field(() => CitizenIdScalar) beneficiaryCitizenId!: string;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => RecipientRole) recipientRole!: RecipientRole;
  @Field(() => CitizenIdScalar) recipientCitizenId!: string;
  @Field(() => PaymentProvider, { nullable: true, description: 'The bank, e-wallet or, for both cash methods, the Post (code VNPOST).' })
  provider!: PaymentProvider | null;
  @Field(() => String, { nullable: true, description: 'All but the last 4 characters masked; null for cash methods.' })
  accountNumberMasked!: string | null;
  // Its own scope (accounts:read:full): without it the field is null with FORBIDDEN, the rest of the link stands.
  @Authorized()
  @Field(() => String, { nullable: true, description: 'Full account number; needs scope accounts:read:full.' })
  accountNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Holder name as returned by the provider (uppercase ASCII).' })
  accountHolderName!: string | null;
  @Field(() => LinkStatus) status!: LinkStatus;
  @Field(() => [LinkCheck]) checks!: LinkCheck[];
  @Field(() => DateTimeScalar, { nullable: true }) effectiveFrom!: string | null;
  @Field(() => String) consentReference!: string;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => String, { description: 'Subject (sub claim) of the token that made the link.' })
  createdBy!: string;
  @Field(() => DateTimeScalar, { nullable: true }) unlinkedAt!: string | null;
  @Field(() => String, { nullable: true }) unlinkReason!: string | null;

  /** The public shape of a stored link. */
  static from(link: StoredLink): PaymentAccountLink {
    return Object.assign(new PaymentAccountLink(), {
      id: link.id,
      beneficiaryCitizenId: link.beneficiaryCitizenId,
      method: link.method as PaymentMethod,
      recipientRole: link.recipientRole as RecipientRole,
      recipientCitizenId: link.recipientCitizenId,
      provider: Object.assign(new PaymentProvider(), { code: link.provider.code, name: link.provider.name, kind: link.provider.kind as ProviderKind }),
      accountNumberMasked: link.accountNumber === null ? null : maskAccountNumber(link.accountNumber),
      accountNumber: link.accountNumber,
      accountHolderName: link.accountHolderName,
      status: link.status as LinkStatus,
      checks: link.checks.map((c) => Object.assign(new LinkCheck(), { name: c.name as LinkCheckName, passed: c.passed, detail: c.detail })),
      effectiveFrom: link.effectiveFrom ? vietnamDateTime(link.effectiveFrom) : null,
      consentReference: link.consentReference,
      createdAt: vietnamDateTime(link.createdAt),
      createdBy: link.createdBy,
      unlinkedAt: link.unlinkedAt ? vietnamDateTime(link.unlinkedAt) : null,
      unlinkReason: link.unlinkReason,
    });
  }
}
