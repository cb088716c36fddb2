import type { LaborAdapter, RegistryBeneficiary } from '../../adapters/labor/index.js';
import type { PayerAdapter, ProviderRecord } from '../../adapters/payer/index.js';
import type { InsuredPerson, PensionAdapter } from '../../adapters/pension/index.js';
import type { PopulationAdapter, PopulationPerson } from '../../adapters/population/index.js';
import { isAgencyError, type AgencyError } from '../../adapters/shared/index.js';
import { areaAllowed, foldName, namesMatch, vietnamDate, type AgencyName, type UserErrorCode } from '../../schema/index.js';
import { mapAgencyError } from '../shared/errors.js';
import { userError, type LinkRequest } from './link-input.js';
import {
  isAccountMethod,
  POST_PROVIDER,
  type LinkCheckRecord,
  type LinkDraft,
  type ProviderKindValue,
  type RootAgency,
  type UserErrorRecord,
} from './link-records.js';
import type { ProviderDirectory } from './provider-directory.js';

export interface VerifierDeps {
  readonly labor: LaborAdapter;
  readonly pension: PensionAdapter;
  readonly population: PopulationAdapter;
  readonly payer: PayerAdapter;
  readonly providers: ProviderDirectory;
  readonly clock: () => Date;
}

/** A verified draft, or the first failed step; a transient refusal (a payer down) is not kept as the key's answer. */
export type Verdict =
  | { readonly ok: true; readonly draft: Omit<LinkDraft, 'createdBy' | 'clientId'> }
  | { readonly ok: false; readonly error: UserErrorRecord; readonly transient: boolean };

const KIND_OF_METHOD: Readonly<Record<string, ProviderKindValue>> = {
  BANK_ACCOUNT: 'BANK',
  E_WALLET: 'E_WALLET',
  POST_OFFICE_CASH: 'POST',
  HOME_DELIVERY: 'POST',
};

const BENEFICIARY = ['input', 'beneficiaryCitizenId'] as const;
const RECIPIENT = ['input', 'recipientCitizenId'] as const;

class Refusal {
  constructor(
    readonly error: UserErrorRecord,
    readonly transient = false,
  ) {}
}
const refuse = (code: UserErrorCode, field: readonly string[], message: string, transient = false): never => {
  throw new Refusal(userError(code, field, message), transient);
};

/** Calls a source whose failure leaves nothing to decide on: SOURCE_UNAVAILABLE (a GraphQL error, not a userError). */
async function from<T>(source: AgencyName, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw isAgencyError(e) ? mapAgencyError(e, source) : e;
  }
}

/** True when two spellings are one person's name: equal once folded, or the same family and given name (§5: a middle name may differ or be missing). */
function sameIdentityName(a: string, b: string): boolean {
  if (namesMatch(a, b)) return true;
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  return x.length > 1 && y.length > 1 && x[0] === y[0] && x[x.length - 1] === y[y.length - 1];
}

const payerUnavailable = (e: AgencyError) => e.code === 'UNAVAILABLE' || e.code === 'TIMEOUT';

/**
 * Runs the verification steps in running.md's order (registry or social insurance, area, identity, vital status,
 * representative mandate, provider and account, holder name); each passed step becomes a LinkCheck and the first
 * failure answers. Roots and the population database being down is a SOURCE_UNAVAILABLE error.
 */
export async function verifyLink(deps: VerifierDeps, request: LinkRequest, areas: readonly string[], correlationId: string): Promise<Verdict> {
  try {
    return { ok: true, draft: await verify(deps, request, areas, { correlationId }) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error, transient: e.transient };
    throw e;
  }
}

async function verify(deps: VerifierDeps, request: LinkRequest, areas: readonly string[], ctx: { correlationId: string }) {
  const id = request.beneficiaryCitizenId;
  const [registry, insurance] = await Promise.all([
    from<RegistryBeneficiary | null>('LABOR_REGISTRY', async () => (await deps.labor.getBeneficiaries([id], ctx)).get(id) ?? null),
    from<InsuredPerson | null>('SOCIAL_INSURANCE', async () => (await deps.pension.getByCitizenIds([id], ctx)).get(id) ?? null),
  ]);
  const root = registry ?? insurance;
  if (!root) return refuse('BENEFICIARY_NOT_FOUND', BENEFICIARY, 'Neither the registry nor social insurance pays this person.');
  const checks: LinkCheckRecord[] = [];

  // Out of area answers like this before anything about the person is looked up elsewhere.
  if (!areaAllowed(areas, root.communeCode, root.provinceCode)) {
    return refuse('OUT_OF_AREA', BENEFICIARY, "The beneficiary is managed outside the caller's areas.");
  }
  checks.push({ name: 'AREA_JURISDICTION', passed: true, detail: `Managed by commune ${root.communeCode}.` });

  const wanted = request.recipientCitizenId === id ? [id] : [id, request.recipientCitizenId];
  const people = await from<Map<string, PopulationPerson>>('POPULATION', () => deps.population.getCitizens(wanted, ctx));
  const citizen = people.get(id);
  if (!citizen) return refuse('CITIZEN_NOT_FOUND', BENEFICIARY, 'The population database holds no person with this ID.');
  const rootNames = [registry?.fullName, insurance?.fullName].filter((n): n is string => n !== undefined);
  if (citizen.dateOfBirth !== root.dateOfBirth || !rootNames.some((n) => sameIdentityName(n, citizen.fullName))) {
    return refuse('CITIZEN_NOT_FOUND', BENEFICIARY, 'The population database holds this ID under another identity.');
  }
  const exact = rootNames.every((n) => namesMatch(n, citizen.fullName));
  checks.push({ name: 'IDENTITY_MATCH', passed: true, detail: exact ? 'Name and date of birth agree.' : 'Date of birth agrees; the middle name differs.' });

  if (citizen.vitalStatus === 'DECEASED') return refuse('BENEFICIARY_DECEASED', BENEFICIARY, 'The population database records this person as deceased.');
  if (citizen.vitalStatus !== 'ALIVE') return refuse('CITIZEN_NOT_FOUND', BENEFICIARY, 'The population database cannot confirm this person is alive.');
  checks.push({ name: 'VITAL_STATUS', passed: true, detail: 'ALIVE' });

  // Names the account may be held under: the recipient's, as the agencies spell them.
  let holderNames: string[];
  if (request.recipientRole === 'SELF') {
    checks.push({ name: 'REPRESENTATIVE_MANDATE', passed: true, detail: 'The beneficiary receives the money.' });
    holderNames = [citizen.fullName, ...rootNames];
  } else {
    const today = vietnamDate(deps.clock());
    const mandate = registry?.representatives.find(
      (r) =>
        r.role === request.recipientRole &&
        r.citizenId === request.recipientCitizenId &&
        r.validFrom <= today &&
        (r.validUntil === null || r.validUntil >= today),
    );
    const representative = people.get(request.recipientCitizenId);
    if (!mandate || !representative || representative.vitalStatus === 'DECEASED') {
      return refuse('REPRESENTATIVE_NOT_AUTHORIZED', RECIPIENT, `No ${request.recipientRole} with a mandate valid today is on the registry for this person.`);
    }
    checks.push({
      name: 'REPRESENTATIVE_MANDATE',
      passed: true,
      detail: `Mandate ${mandate.mandateReference} valid ${mandate.validFrom} to ${mandate.validUntil ?? 'open-ended'}.`,
    });
    holderNames = [representative.fullName, mandate.fullName];
  }

  const provider = await providerFor(deps, request);
  let accountHolderName: string | null = null;
  if (isAccountMethod(request.method)) {
    accountHolderName = await holderOf(deps, request, provider, holderNames, checks, ctx);
  }
  const roots: RootAgency[] = [];
  if (registry) roots.push('LABOR_REGISTRY');
  if (insurance) roots.push('SOCIAL_INSURANCE');
  return {
    beneficiaryCitizenId: id,
    communeCode: root.communeCode,
    provinceCode: root.provinceCode,
    method: request.method,
    recipientRole: request.recipientRole,
    recipientCitizenId: request.recipientCitizenId,
    provider: { code: provider.code, name: provider.name, kind: provider.kind },
    accountNumber: request.accountNumber,
    accountHolderName,
    checks,
    consentReference: request.consentReference,
    roots,
  };
}

/** The provider, known to the payers and of the method's kind; both cash methods are paid by the Post. */
async function providerFor(deps: VerifierDeps, request: LinkRequest): Promise<ProviderRecord> {
  const kind = KIND_OF_METHOD[request.method];
  const code = request.providerCode ?? POST_PROVIDER;
  if (kind === 'POST' && code !== POST_PROVIDER) return refuse('PROVIDER_NOT_SUPPORTED', request.providerField, 'Cash methods are paid by the Post (VNPOST).');
  let provider: ProviderRecord | null;
  try {
    provider = await deps.providers.get(code);
  } catch (e) {
    if (isAgencyError(e)) return refuse('PROVIDER_UNAVAILABLE', request.providerField, 'The list of payer organisations cannot be read now.', true);
    throw e;
  }
  if (!provider || provider.kind !== kind) {
    return refuse('PROVIDER_NOT_SUPPORTED', request.providerField, `No ${kind === 'E_WALLET' ? 'e-wallet' : kind === 'BANK' ? 'bank' : 'post'} provider with this code pays beneficiaries.`);
  }
  return provider;
}

/** Account name inquiry: the account exists, is open, and is held under one of the recipient's names. */
async function holderOf(
  deps: VerifierDeps,
  request: LinkRequest,
  provider: ProviderRecord,
  holderNames: readonly string[],
  checks: LinkCheckRecord[],
  ctx: { correlationId: string },
): Promise<string> {
  const field = request.accountField;
  let inquiry;
  try {
    inquiry = await deps.payer.inquireAccount(provider.code, request.accountNumber!, ctx);
  } catch (e) {
    if (!isAgencyError(e)) throw e;
    if (e.agencyCode === 'PROVIDER_NOT_SUPPORTED') return refuse('PROVIDER_NOT_SUPPORTED', request.providerField, 'The provider does not answer account name inquiries.');
    if (e.agencyCode === 'INVALID_ACCOUNT_NUMBER') return refuse('ACCOUNT_NOT_FOUND', field, 'The provider holds no account with this number.');
    if (payerUnavailable(e) || e.code === 'REJECTED') return refuse('PROVIDER_UNAVAILABLE', request.providerField, 'The provider did not answer the account name inquiry.', true);
    return refuse('ACCOUNT_NOT_FOUND', field, 'The provider holds no account with this number.');
  }
  if (!inquiry) return refuse('ACCOUNT_NOT_FOUND', field, 'The provider holds no account with this number.');
  if (inquiry.status !== 'OPEN') return refuse('ACCOUNT_CLOSED', field, 'The account is closed.');
  checks.push({ name: 'ACCOUNT_EXISTS', passed: true, detail: `Open account at ${provider.shortName}.` });
  if (!holderNames.some((n) => namesMatch(n, inquiry.holderName))) {
    return refuse('ACCOUNT_HOLDER_MISMATCH', field, 'The account is not held by the recipient.');
  }
  checks.push({ name: 'ACCOUNT_HOLDER_NAME', passed: true, detail: 'The holder name matches the recipient.' });
  return inquiry.holderName;
}
