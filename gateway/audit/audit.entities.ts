import { EntitySchema } from '@mikro-orm/core';

/** A row of `audit_event`: one link of the chain. Citizen IDs live in `audit_event_citizen`. */
export interface AuditEventRecord {
  sequence: number;
  at: Date;
  subject: string;
  clientId: string;
  operationName: string | null;
  operationType: string;
  /** JSON array text, kept as text so what is read back is byte for byte what was hashed. */
  fields: string;
  outcome: string;
  requestId: string;
  previousHash: string;
  hash: string;
}

/** A row of `audit_event_citizen`: the citizen ID at `position` of event `sequence`, queryable on both dialects. */
export interface AuditEventCitizenRecord {
  sequence: number;
  position: number;
  citizenId: string;
}

/** The single row of `audit_head`: the last appended sequence and hash, so a deleted tail is noticed. */
export interface AuditHeadRecord {
  id: number;
  sequence: number;
  hash: string;
}

/** Id of the only `audit_head` row. */
export const AUDIT_HEAD_ID = 1;

// EntitySchema with explicit types: nothing here depends on decorator metadata, so tsc output and vitest agree.
export const AuditEventSchema = new EntitySchema<AuditEventRecord>({
  name: 'AuditEventRecord',
  tableName: 'audit_event',
  properties: {
    sequence: { type: 'integer', primary: true, autoincrement: false },
    at: { type: 'datetime' },
    subject: { type: 'text' },
    clientId: { type: 'text' },
    operationName: { type: 'text', nullable: true },
    operationType: { type: 'text' },
    fields: { type: 'text' },
    outcome: { type: 'text' },
    requestId: { type: 'text' },
    previousHash: { type: 'text' },
    hash: { type: 'text' },
  },
});

export const AuditEventCitizenSchema = new EntitySchema<AuditEventCitizenRecord>({
  name: 'AuditEventCitizenRecord',
  tableName: 'audit_event_citizen',
  properties: {
    sequence: { type: 'integer', primary: true, autoincrement: false },
    position: { type: 'integer', primary: true, autoincrement: false },
    citizenId: { type: 'text' },
  },
});

export const AuditHeadSchema = new EntitySchema<AuditHeadRecord>({
  name: 'AuditHeadRecord',
  tableName: 'audit_head',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    sequence: { type: 'integer' },
    hash: { type: 'text' },
  },
});

/** Every entity of the audit store, for `openDatabase`. */
export const auditEntities = [AuditEventSchema, AuditEventCitizenSchema, AuditHeadSchema] as const;
