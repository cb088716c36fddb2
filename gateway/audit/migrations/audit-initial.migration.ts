import { Migration } from '@mikro-orm/migrations';
import { dialectOf, qualifiedTable } from '../../../storage/index.js';
import { AUDIT_OPERATION_TYPES, AUDIT_OUTCOMES, GENESIS_HASH } from '../audit-event.js';

const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** Creates the chain (`audit_event`), its citizen index (`audit_event_citizen`) and the head counter (`audit_head`). */
export class AuditInitialMigration extends Migration {
  override up(): void {
    const dialect = dialectOf(this.driver.getPlatform());
    const schema = dialect === 'postgresql' ? this.config.get('schema') : undefined;
    const t = (name: string): string => qualifiedTable(dialect, schema, name);
    // Index names are per schema on PostgreSQL and per file on SQLite, so they need no prefix.
    const at = dialect === 'postgresql' ? 'timestamptz(3)' : 'datetime';

    this.addSql(`create table ${t('audit_event')} (
      "sequence" integer not null primary key check ("sequence" >= 1),
      "at" ${at} not null,
      "subject" text not null,
      "client_id" text not null,
      "operation_name" text null,
      "operation_type" text not null check ("operation_type" in (${inList(AUDIT_OPERATION_TYPES)})),
      "fields" text not null,
      "outcome" text not null check ("outcome" in (${inList(AUDIT_OUTCOMES)})),
      "request_id" text not null,
      "previous_hash" text not null,
      "hash" text not null,
      -- Two events claiming the same predecessor would be a fork; the primary key already forbids two at one position.
      constraint "audit_event_previous_hash_unique" unique ("previous_hash")
    )`);
    this.addSql(`create index "audit_event_subject_idx" on ${t('audit_event')} ("subject", "sequence")`);
    this.addSql(`create index "audit_event_at_idx" on ${t('audit_event')} ("at")`);

    this.addSql(`create table ${t('audit_event_citizen')} (
      "sequence" integer not null references ${t('audit_event')} ("sequence") on delete cascade,
      "position" integer not null,
      "citizen_id" text not null,
      primary key ("sequence", "position")
    )`);
    this.addSql(`create index "audit_event_citizen_citizen_idx" on ${t('audit_event_citizen')} ("citizen_id", "sequence")`);

    this.addSql(`create table ${t('audit_head')} (
      "id" integer not null primary key check ("id" = 1),
      "sequence" integer not null,
      "hash" text not null
    )`);
    this.addSql(`insert into ${t('audit_head')} ("id", "sequence", "hash") values (1, 0, '${GENESIS_HASH}')`);
  }
}
