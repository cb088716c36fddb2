import type { AccountUpdateReceipt, PopulationPerson } from '../../adapters/population/index.js';
import type { Dataset } from '../fixtures/dataset.js';

/** A stored account-update submission: what was sent (to tell a replay from a key reuse) and the first receipt. */
export interface StoredSubmission {
  readonly fingerprint: string;
  readonly receipt: AccountUpdateReceipt;
  readonly receivedAt: string;
}

/** The population database's part of the data set, indexed once, plus the submissions received so far. */
export class PopulationData {
  private readonly byId = new Map<string, PopulationPerson>();
  private readonly submissions = new Map<string, StoredSubmission>();
  private sequence = 0;

  constructor(data: Dataset) {
    for (const p of data.population) this.byId.set(p.citizenId, p);
  }

  person(citizenId: string): PopulationPerson | undefined {
    return this.byId.get(citizenId);
  }

  submission(submissionId: string): StoredSubmission | undefined {
    return this.submissions.get(submissionId);
  }

  /** Stores a first submission and decides it: refused for unknown or deceased people, accepted otherwise. */
  decide(submissionId: string, citizenId: string, fingerprint: string, receivedAt: string): StoredSubmission {
    const person = this.byId.get(citizenId);
    const reason = person === undefined ? 'CITIZEN_NOT_FOUND' : person.vitalStatus === 'DECEASED' ? 'CITIZEN_DECEASED' : null;
    this.sequence += 1;
    const receipt: AccountUpdateReceipt =
      reason === null
        ? { submissionId, status: 'ACCEPTED', reference: `CSDLQG-${String(this.sequence).padStart(8, '0')}`, reason: null }
        : { submissionId, status: 'REFUSED', reference: null, reason };
    const stored = { fingerprint, receipt, receivedAt };
    this.submissions.set(submissionId, stored);
    return stored;
  }
}
