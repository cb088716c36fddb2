import { randomUUID } from 'node:crypto';
import { AgencyUnavailableError } from '../shared/agency-error.js';
import type { AgencyHttpClient } from '../shared/http-client.js';
import type { CallContext } from '../shared/types.js';
import type { AccountUpdateReceipt, AccountUpdateSubmission, PopulationAdapter, PopulationPerson } from './population.adapter.js';
import type {
  PopulationAccountUpdateReceiptWire,
  PopulationAccountUpdateRequestWire,
  PopulationBatchGetResponseWire,
  PopulationCitizenWire,
} from './population.wire.js';

/** Most IDs the population database takes in one `citizens:batchGet`. */
export const POPULATION_MAX_BATCH = 1000;

export interface PopulationHttpOptions {
  /** IDs per batched request; defaults to the agency's maximum. */
  readonly batchSize?: number;
}

const CITIZEN_ID = /^[0-9]{12}$/;
const VITAL = { LIVING: 'ALIVE', DECEASED: 'DECEASED', UNKNOWN: 'UNKNOWN' } as const;

function toPerson(w: PopulationCitizenWire): PopulationPerson {
  return {
    citizenId: w.id,
    fullName: w.fullName,
    dateOfBirth: w.birthDate,
    sex: w.gender === 'M' ? 'MALE' : 'FEMALE',
    vitalStatus: VITAL[w.lifeStatus],
    dateOfDeath: w.deathDate,
    permanentAddress: w.permanentResidence && {
      communeCode: w.permanentResidence.communeCode,
      provinceCode: w.permanentResidence.provinceCode,
      line: w.permanentResidence.addressLine,
    },
    phoneMasked: w.phoneNumberMasked,
  };
}

/** `Array.isArray` without widening the element type to `any`. */
const isList = Array.isArray as <T>(v: readonly T[] | null | undefined) => v is readonly T[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The population database over HTTP. */
export function createPopulationHttpAdapter(client: AgencyHttpClient, options: PopulationHttpOptions = {}): PopulationAdapter {
  const batchSize = Math.min(options.batchSize ?? POPULATION_MAX_BATCH, POPULATION_MAX_BATCH);
  const unexpected = () => new AgencyUnavailableError(client.agency, 'unexpected answer');

  return {
    async getCitizens(citizenIds: readonly string[], ctx?: CallContext) {
      // A malformed ID cannot be on file; sending it would only get the whole batch refused.
      const ids = [...new Set(citizenIds)].filter((id) => CITIZEN_ID.test(id));
      const correlationId = ctx?.correlationId ?? randomUUID();
      const answers = await Promise.all(
        chunks(ids, batchSize).map((chunk) =>
          client.request<PopulationBatchGetResponseWire>({
            method: 'POST',
            path: '/api/v1/citizens:batchGet',
            body: { ids: chunk },
            idempotent: true,
            correlationId,
          }),
        ),
      );
      const found = new Map<string, PopulationPerson>();
      for (const answer of answers) {
        if (!answer || !isList(answer.citizens)) throw unexpected();
        for (const c of answer.citizens) found.set(c.id, toPerson(c));
      }
      return found;
    },

    async submitAccountUpdate(update: AccountUpdateSubmission, ctx?: CallContext): Promise<AccountUpdateReceipt> {
      const body: PopulationAccountUpdateRequestWire = {
        submissionId: update.submissionId,
        citizenId: update.citizenId,
        paymentMethod: update.method,
        providerCode: update.providerCode,
        accountNumber: update.accountNumber,
        recipientRole: update.recipientRole,
        recipientCitizenId: update.recipientCitizenId,
      };
      const receipt = await client.request<PopulationAccountUpdateReceiptWire>({
        method: 'POST',
        path: '/api/v1/account-updates',
        body,
        // The database deduplicates on submissionId and replays the first receipt, so a retry cannot apply twice.
        idempotent: true,
        correlationId: ctx?.correlationId,
      });
      if (!receipt || (receipt.state !== 'ACCEPTED' && receipt.state !== 'REFUSED')) throw unexpected();
      return {
        submissionId: receipt.submissionId,
        status: receipt.state,
        reference: receipt.referenceNumber,
        reason: receipt.refusalReason,
      };
    },
  };
}
