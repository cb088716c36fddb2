import type { CallContext, PaymentOnFile, Sex, VitalStatus } from '../shared/types.js';

/** A person as the national population database holds them. */
export interface PopulationPerson {
  readonly citizenId: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly vitalStatus: VitalStatus;
  readonly dateOfDeath: string | null;
  readonly permanentAddress: { readonly communeCode: string; readonly provinceCode: string; readonly line: string | null } | null;
  readonly phoneMasked: string | null;
}

/** A payment account submitted for a person (commune police update it on the population database). */
export interface AccountUpdateSubmission extends PaymentOnFile {
  /** The submitter's id for this update; the database deduplicates on it. */
  readonly submissionId: string;
  readonly citizenId: string;
}

export interface AccountUpdateReceipt {
  readonly submissionId: string;
  readonly status: 'ACCEPTED' | 'REFUSED';
  readonly reference: string | null;
  readonly reason: string | null;
}

/** Client of the national population database. */
export interface PopulationAdapter {
  /** One batched lookup; IDs the database does not hold are absent from the map. */
  getCitizens(citizenIds: readonly string[], ctx?: CallContext): Promise<Map<string, PopulationPerson>>;
  /** Submits an account update; replaying a submissionId returns the first receipt. */
  submitAccountUpdate(update: AccountUpdateSubmission, ctx?: CallContext): Promise<AccountUpdateReceipt>;
}
