import type { Dataset } from '../../../mocks/fixtures/dataset.js';

/** The Beneficiary fields the lookup tests select (every lookup subgraph: labor, pension, population). */
export const BENEFICIARY_FIELDS = `citizenId fullName dateOfBirth paymentMethod
  area { code name level province { code name level } }
  entitlements { id program category categoryName source monthlyAmount startDate endDate status insuranceCode }
  representatives { role citizenId fullName mandateReference validFrom validUntil }
  citizen { id fullName dateOfBirth sex vitalStatus dateOfDeath }
  alerts { code source }`;

const areaOf = (data: Dataset, code: string) => {
  const a = data.areas.find((x) => x.code === code);
  if (!a) throw new Error(`no area ${code} in the data set`);
  return a;
};

/**
 * What the gateway must answer for a person, derived from the data set the mocks serve (ownership.md): the
 * registry's record when it holds the person, else social insurance's; entitlements from both with their
 * source; representatives from the registry ([] when it does not hold them); citizen from the population
 * database. `alerts` is left to each test.
 */
export function expectedBeneficiary(data: Dataset, citizenId: string): Record<string, unknown> {
  const registry = data.registry.find((r) => r.citizenId === citizenId);
  const insured = data.insurance.find((r) => r.citizenId === citizenId);
  const person = data.population.find((p) => p.citizenId === citizenId);
  const shown = registry ?? insured;
  if (!shown) throw new Error('not a beneficiary of the data set');
  const commune = areaOf(data, shown.communeCode);
  const province = areaOf(data, shown.provinceCode);
  return {
    citizenId,
    fullName: shown.fullName,
    dateOfBirth: shown.dateOfBirth,
    paymentMethod: shown.paymentOnFile.method,
    area: { code: commune.code, name: commune.name, level: 'COMMUNE', province: { code: province.code, name: province.name, level: 'PROVINCE' } },
    entitlements: [
      ...(registry?.entitlements ?? []).map((e) => ({ ...e, source: 'LABOR_REGISTRY', insuranceCode: null })),
      ...(insured?.benefits ?? []).map((e) => ({ ...e, source: 'SOCIAL_INSURANCE', insuranceCode: insured!.insuranceCode })),
    ],
    representatives: (registry?.representatives ?? []).map((r) => ({ ...r })),
    citizen: person
      ? { id: citizenId, fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, vitalStatus: person.vitalStatus, dateOfDeath: person.dateOfDeath }
      : null,
  };
}

/** Citizen IDs either root holds in an area (a province covers its communes), in citizen-ID order. */
export function beneficiariesIn(data: Dataset, areaCode: string, keep: (id: string) => boolean = () => true): string[] {
  const inArea = (r: { communeCode: string; provinceCode: string }) => r.communeCode === areaCode || r.provinceCode === areaCode;
  const ids = new Set([...data.registry.filter(inArea), ...data.insurance.filter(inArea)].map((r) => r.citizenId));
  return [...ids].filter(keep).sort();
}

/** Errors reduced to what tests assert: path, code and source (never messages). */
export const errorsOf = (body: { errors?: { path?: unknown; extensions?: { code?: unknown; source?: unknown } }[] }) =>
  body.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, ...(e.extensions?.source ? { source: e.extensions.source } : {}) }));
