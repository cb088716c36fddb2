import { buildSchema, GraphQLScalarType, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { CitizenIdScalar } from '../../schema/index.js';
import { auditedCitizenIds } from './audited-citizens.js';

const A = '038050000101';
const B = '038145000202';
const C = '038215000303';
const D = '001160000808';

const schema: GraphQLSchema = (() => {
  const s = buildSchema(/* GraphQL */ `
    scalar CitizenId
    type Representative { citizenId: CitizenId! fullName: String! }
    interface Person { id: CitizenId! }
    type Citizen implements Person { id: CitizenId! }
    type Beneficiary { citizenId: CitizenId! representatives: [Representative!] note: String }
    input LinkInput { beneficiaryCitizenId: CitizenId! recipientCitizenId: CitizenId other: String }
    type Query {
      beneficiary(citizenId: CitizenId!): Beneficiary
      beneficiaries(citizenIds: [CitizenId!]!): [Beneficiary]
      person: Person
      free(text: String): String
    }
    type Mutation { link(input: LinkInput!): Beneficiary }
  `);
  // The real scalar, so invalid literals are skipped as the server would refuse them.
  Object.assign(s.getType('CitizenId') as GraphQLScalarType, { parseLiteral: CitizenIdScalar.parseLiteral, parseValue: CitizenIdScalar.parseValue });
  return s;
})();

const ids = (source: string, data?: unknown, variables?: Record<string, unknown>, operationName?: string) =>
  auditedCitizenIds({ schema, document: parse(source), data, variables, operationName });

describe('auditedCitizenIds', () => {
  test('the IDs asked for (literal or variable) and those returned, in order, each once', () => {
    expect(
      ids(
        'query ($ids: [CitizenId!]!) { one: beneficiary(citizenId: "038050000101") { citizenId representatives { citizenId } } beneficiaries(citizenIds: $ids) { citizenId } }',
        { one: { citizenId: A, representatives: [{ citizenId: C }] }, beneficiaries: [{ citizenId: B }, null] },
        { ids: [B, D] },
      ),
    ).toEqual([A, C, B, D]);
  });

  test('asked but absent (out of area, refused) still counts', () => {
    expect(ids(`{ beneficiary(citizenId: "${D}") { citizenId } }`, { beneficiary: null })).toEqual([D]);
    expect(ids(`{ beneficiary(citizenId: "${D}") { citizenId } }`)).toEqual([D]);
  });

  test('input objects, fragments, aliases and abstract types', () => {
    expect(
      ids(
        `mutation M($in: LinkInput!) { link(input: $in) { ...F } } fragment F on Beneficiary { id: citizenId }`,
        { link: { id: A } },
        { in: { beneficiaryCitizenId: A, recipientCitizenId: B, other: C } },
        'M',
      ),
    ).toEqual([A, B]);
    expect(ids('{ person { __typename ... on Citizen { id } } }', { person: { __typename: 'Citizen', id: C } })).toEqual([C]);
  });

  test('values that are not valid IDs and strings of other types are left out; broken input never throws', () => {
    expect(ids('{ beneficiary(citizenId: "03805000010") { citizenId } free(text: "038050000101") }', { beneficiary: null, free: A })).toEqual([]);
    expect(ids('query ($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }', undefined, { ids: ['x', 7, null, D] })).toEqual([D]);
    expect(ids('{ nope { citizenId } }', { nope: { citizenId: A } })).toEqual([]);
    expect(ids('query A { person { id } } query B { person { id } }', { person: { id: A } })).toEqual([]);
  });
});
