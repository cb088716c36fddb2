import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { CURRENT_PROVINCES, isKnownBirthProvince } from './areas.js';

/** Builds a string scalar whose parse and serialize both go through one validator. */
function stringScalar(name: string, description: string, check: (value: string) => boolean, hint: string) {
  const validate = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) {
      // The rejected value is not echoed: it may be personal data.
      throw new GraphQLError(`${name} must be ${hint}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: validate,
    parseValue: validate,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { extensions: { code: 'BAD_USER_INPUT' } });
      return validate(ast.value);
    },
  });
}

const CITIZEN_ID = /^[0-9]{12}$/;
/** True for a 12-digit ID with a known birth-registration province and a 20th/21st-century sex digit. */
export function isCitizenId(value: string): boolean {
  if (!CITIZEN_ID.test(value)) return false;
  const centuryDigit = value.charCodeAt(3) - 48;
  return isKnownBirthProvince(value.slice(0, 3)) && centuryDigit >= 0 && centuryDigit <= 3;
}

const PERIOD = /^(20[0-9]{2})-(0[1-9]|1[0-2])$/;
/** True for 'YYYY-MM' between 2000-01 and 2099-12. */
export const isPeriod = (value: string): boolean => PERIOD.test(value);

const COMMUNE = /^[0-9]{5}$/;
const PROVINCES_IN_FORCE: ReadonlySet<string> = new Set(CURRENT_PROVINCES);
/**
 * True for one of the 34 province codes in force since 2025-07-01, or a 5-digit commune code (communes are too many
 * to list here; an unknown one simply matches nothing).
 */
export const isAreaCode = (value: string): boolean => PROVINCES_IN_FORCE.has(value) || COMMUNE.test(value);

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** True for a real calendar date 'YYYY-MM-DD'. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/** True for an ISO 8601 instant with an offset. */
export const isDateTime = (value: string): boolean => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

export const CitizenIdScalar = stringScalar(
  'CitizenId',
  '12-digit personal identification number (số định danh cá nhân / CCCD).',
  isCitizenId,
  '12 ASCII digits with a known province prefix and century digit',
);
export const PeriodScalar = stringScalar('Period', "A payment month, 'YYYY-MM'.", isPeriod, "a month 'YYYY-MM'");
export const AreaCodeScalar = stringScalar(
  'AreaCode',
  'Administrative unit code: 2-digit province or 5-digit commune (statistics office codes in force).',
  isAreaCode,
  'a province code in force (2 digits) or a 5-digit commune code',
);
export const DateScalar = stringScalar('Date', "ISO 8601 calendar date, 'YYYY-MM-DD'.", isDate, "a date 'YYYY-MM-DD'");
export const DateTimeScalar = stringScalar(
  'DateTime',
  "ISO 8601 instant with offset, e.g. '2026-11-05T08:30:00+07:00'.",
  isDateTime,
  'an ISO 8601 instant with offset',
);

const validateVnd = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new GraphQLError('Vnd must be a whole, non-negative, safe integer', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
};
export const VndScalar = new GraphQLScalarType<number, number>({
  name: 'Vnd',
  description: 'An amount of Vietnamese dong: a whole, non-negative, safe integer.',
  serialize: validateVnd,
  parseValue: validateVnd,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Vnd must be an integer', { extensions: { code: 'BAD_USER_INPUT' } });
    return validateVnd(Number(ast.value));
  },
});

/** Every custom scalar of the contract, by name. */
export const scalars = {
  CitizenId: CitizenIdScalar,
  Period: PeriodScalar,
  Vnd: VndScalar,
  AreaCode: AreaCodeScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
} as const;
