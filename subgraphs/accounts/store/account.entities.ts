import { EntitySchema } from '@mikro-orm/core';

/** A row of `payment_account_link`. `seq` orders history (createdAt may repeat under a frozen clock). */
export interface LinkRow {
  seq?: number;
  id: string;
  beneficiaryCitizenId: string;
  communeCode: string;
  provinceCode: string;
  method: string;
  recipientRole: string;
  recipientCitizenId: string;
  providerCode: string;
  providerName: string;
  providerKind: string;
  accountNumber: string | null;
  accountHolderName: string | null;
  status: string;
  /** JSON array of LinkCheck records. */
  checks: string;
  effectiveFrom: Date | null;
  consentReference: string;
  createdAt: Date;
  createdBy: string;
  clientId: string;
  unlinkedAt: Date | null;
  unlinkReason: string | null;
  /** Comma-separated roots whose payment method on file follows this link. */
  roots: string;
  /** When a COOLING_OFF link whose re-check could not run is tried again. */
  nextCheckAt: Date | null;
  /** When the re-check passed and the swap was handed to the outbox. */
  activationRequestedAt: Date | null;
  updatedAt: Date;
}

/** A row of `idempotency_record`: the first answer for (client_id, subject, key). */
export interface IdempotencyRow {
  clientId: string;
  subject: string;
  idempotencyKey: string;
  operation: string;
  requestHash: string;
  linkId: string | null;
  /** JSON array of UserError records. */
  userErrors: string;
  createdAt: Date;
}

/** A row of `outbox_entry`: one push of one link to one agency. */
export interface OutboxRow {
  seq?: number;
  linkId: string;
  beneficiaryCitizenId: string;
  target: string;
  submissionId: string;
  /** JSON PushPayload. */
  payload: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  result: string | null;
  reference: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** A row of `store_meta`: facts about the store itself (the initial import). */
export interface StoreMetaRow {
  key: string;
  value: string;
  updatedAt: Date;
}

// EntitySchema with explicit types: nothing here depends on decorator metadata, so tsc output and vitest agree.
export const LinkSchema = new EntitySchema<LinkRow>({
  name: 'LinkRow',
  tableName: 'payment_account_link',
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    id: { type: 'text', unique: true },
    beneficiaryCitizenId: { type: 'text' },
    communeCode: { type: 'text' },
    provinceCode: { type: 'text' },
    method: { type: 'text' },
    recipientRole: { type: 'text' },
    recipientCitizenId: { type: 'text' },
    providerCode: { type: 'text' },
    providerName: { type: 'text' },
    providerKind: { type: 'text' },
    accountNumber: { type: 'text', nullable: true },
    accountHolderName: { type: 'text', nullable: true },
    status: { type: 'text' },
    checks: { type: 'text' },
    effectiveFrom: { type: 'datetime', nullable: true },
    consentReference: { type: 'text' },
    createdAt: { type: 'datetime' },
    createdBy: { type: 'text' },
    clientId: { type: 'text' },
    unlinkedAt: { type: 'datetime', nullable: true },
    unlinkReason: { type: 'text', nullable: true },
    roots: { type: 'text' },
    nextCheckAt: { type: 'datetime', nullable: true },
    activationRequestedAt: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});

export const IdempotencySchema = new EntitySchema<IdempotencyRow>({
  name: 'IdempotencyRow',
  tableName: 'idempotency_record',
  properties: {
    clientId: { type: 'text', primary: true },
    subject: { type: 'text', primary: true },
    idempotencyKey: { type: 'text', primary: true },
    operation: { type: 'text' },
    requestHash: { type: 'text' },
    linkId: { type: 'text', nullable: true },
    userErrors: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});

export const OutboxSchema = new EntitySchema<OutboxRow>({
  name: 'OutboxRow',
  tableName: 'outbox_entry',
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    linkId: { type: 'text' },
    beneficiaryCitizenId: { type: 'text' },
    target: { type: 'text' },
    submissionId: { type: 'text', unique: true },
    payload: { type: 'text' },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text', nullable: true },
    result: { type: 'text', nullable: true },
    reference: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    completedAt: { type: 'datetime', nullable: true },
  },
});

export const StoreMetaSchema = new EntitySchema<StoreMetaRow>({
  name: 'StoreMetaRow',
  tableName: 'store_meta',
  properties: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
    updatedAt: { type: 'datetime' },
  },
});

/** Every entity of the accounts store, for `openDatabase`. */
export const accountEntities = [LinkSchema, IdempotencySchema, OutboxSchema, StoreMetaSchema] as const;
