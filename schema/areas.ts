/**
 * Province codes. Citizen IDs carry the pre-2025 birth-registration province ("0" + the old statistics
 * office code, 63 of them, never renumbered); administrative data uses the 34 provinces in force since
 * 2025-07-01, each of which kept one old code (domain.md §2).
 */
const PRE_2025_PROVINCES = [
  '01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25', '26', '27', '30', '31',
  '33', '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60', '62',
  '64', '66', '67', '68', '70', '72', '74', '75', '77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93',
  '94', '95', '96',
] as const;

const BIRTH_PROVINCES: ReadonlySet<string> = new Set(PRE_2025_PROVINCES.map((c) => `0${c}`));

/** True when a citizen ID's 3-digit prefix is a birth-registration province. */
export const isKnownBirthProvince = (prefix: string): boolean => BIRTH_PROVINCES.has(prefix);

/** The 34 province codes in force since 2025-07-01. */
export const CURRENT_PROVINCES: readonly string[] = [
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44', '46',
  '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
];

/** True when a caller holding `areas` may see data of this commune (scopes.md: a province covers its communes). */
export function areaAllowed(areas: readonly string[], communeCode: string, provinceCode: string): boolean {
  for (const a of areas) if (a === '*' || a === communeCode || a === provinceCode) return true;
  return false;
}

/** Areas as sent in a token: a non-empty list of non-empty codes, or none at all. */
export function normaliseAreas(claim: unknown): string[] {
  if (!Array.isArray(claim)) return [];
  return claim.filter((a): a is string => typeof a === 'string' && (a === '*' || /^(?:[0-9]{2}|[0-9]{5})$/.test(a)));
}
