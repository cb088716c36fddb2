import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { enforceRootAccess, type AccessCaller } from './scope-guard.js';

const SDL = /* GraphQL */ `
  type Beneficiary { citizenId: String! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type BeneficiaryEdge { node: Beneficiary! }
  type BeneficiaryConnection { edges: [BeneficiaryEdge!]! pageInfo: PageInfo! totalCount: Int! unavailableSources: [String!]! }
  type Summary { paymentCount: Int! }
  type Viewer { subject: String! }
  type Query {
    beneficiary(citizenId: String!): Beneficiary
    beneficiaries(citizenIds: [String!]!): [Beneficiary]
    searchBeneficiaries(first: Int): BeneficiaryConnection
    paymentBatches(period: String!): [Summary!]
    disbursementSummary(areaCode: String!): Summary
    viewer: Viewer!
    scopeMatrix: [String!]
  }
  type Mutation { linkPaymentAccount(id: String!): String }
`;

/** The schema with resolvers that record every call (as a subgraph would see it). */
function guarded(): { schema: GraphQLSchema; calls: string[] } {
  const schema = buildSchema(SDL);
  const calls: string[] = [];
  const resolvers: Record<string, Record<string, (s: unknown, a: any) => unknown>> = {
    Query: {
      beneficiary: (_s, a) => (calls.push('beneficiary'), { citizenId: a.citizenId }),
      beneficiaries: (_s, a) => (calls.push('beneficiaries'), a.citizenIds.map((citizenId: string) => ({ citizenId }))),
      searchBeneficiaries: () => (calls.push('searchBeneficiaries'), { edges: [{ node: { citizenId: 'x' } }], pageInfo: { hasNextPage: true }, totalCount: 1, unavailableSources: [] }),
      paymentBatches: () => (calls.push('paymentBatches'), [{ paymentCount: 1 }]),
      disbursementSummary: () => (calls.push('disbursementSummary'), { paymentCount: 3 }),
      viewer: () => (calls.push('viewer'), { subject: 'me' }),
      scopeMatrix: () => (calls.push('scopeMatrix'), ['row']),
    },
    Mutation: { linkPaymentAccount: () => (calls.push('linkPaymentAccount'), 'linked') },
  };
  for (const [type, fields] of Object.entries(resolvers)) {
    const t = schema.getType(type) as import('graphql').GraphQLObjectType;
    for (const [name, resolve] of Object.entries(fields)) t.getFields()[name]!.resolve = resolve;
  }
  return { schema: enforceRootAccess(schema, (ctx) => (ctx as { caller?: AccessCaller }).caller), calls };
}

const caller = (scope: string, areas: string[] = ['38']): AccessCaller => ({ scopes: new Set(scope.split(' ').filter(Boolean)), areas });
const codes = (errors: readonly { extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[] | undefined) =>
  (errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);

describe('enforceRootAccess', () => {
  test('a root field outside the token scopes is FORBIDDEN at its path and its resolver never runs; the rest stands', async () => {
    const { schema, calls } = guarded();
    const result = await graphql({
      schema,
      source: '{ beneficiary(citizenId: "1") { citizenId } viewer { subject } scopeMatrix }',
      contextValue: { caller: caller('citizen:read') },
    });
    expect(result.data).toEqual({ beneficiary: null, viewer: { subject: 'me' }, scopeMatrix: null });
    expect(codes(result.errors)).toEqual([
      ['beneficiary', 'FORBIDDEN'],
      ['scopeMatrix', 'FORBIDDEN'],
    ]);
    expect(calls).toEqual(['viewer']);
  });

  test('granted fields run; mutations are guarded too', async () => {
    const { schema, calls } = guarded();
    const read = await graphql({ schema, source: '{ beneficiary(citizenId: "1") { citizenId } scopeMatrix }', contextValue: { caller: caller('beneficiary:read audit:read') } });
    expect(read).toEqual({ data: { beneficiary: { citizenId: '1' }, scopeMatrix: ['row'] } });
    const refused = await graphql({ schema, source: 'mutation { linkPaymentAccount(id: "1") }', contextValue: { caller: caller('accounts:read') } });
    expect(codes(refused.errors)).toEqual([['linkPaymentAccount', 'FORBIDDEN']]);
    const allowed = await graphql({ schema, source: 'mutation { linkPaymentAccount(id: "1") }', contextValue: { caller: caller('accounts:write') } });
    expect(allowed).toEqual({ data: { linkPaymentAccount: 'linked' } });
    expect(calls).toEqual(['beneficiary', 'scopeMatrix', 'linkPaymentAccount']);
  });

  test('no caller at all is refused everything', async () => {
    const { schema, calls } = guarded();
    const result = await graphql({ schema, source: '{ viewer { subject } }', contextValue: {} });
    expect(codes(result.errors)).toEqual([['viewer', 'FORBIDDEN']]);
    expect(calls).toEqual([]);
  });

  test('a caller with no areas reads area-restricted queries as absent, without any resolver running', async () => {
    const { schema, calls } = guarded();
    const result = await graphql({
      schema,
      source: `{ beneficiary(citizenId: "1") { citizenId } beneficiaries(citizenIds: ["1", "2"]) { citizenId }
                 searchBeneficiaries(first: 5) { edges { node { citizenId } } pageInfo { hasNextPage endCursor } totalCount unavailableSources }
                 paymentBatches(period: "2026-10") { paymentCount } disbursementSummary(areaCode: "38") { paymentCount } viewer { subject } }`,
      contextValue: { caller: caller('beneficiary:read payments:read reports:read', []) },
    });
    expect(result.data).toEqual({
      beneficiary: null,
      beneficiaries: [null, null],
      searchBeneficiaries: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, unavailableSources: [] },
      paymentBatches: [],
      disbursementSummary: null,
      viewer: { subject: 'me' },
    });
    expect(codes(result.errors)).toEqual([['disbursementSummary', 'FORBIDDEN']]);
    expect(calls).toEqual(['viewer']);
  });
});

describe('argument limits before the no-area shortcut', () => {
  test('a caller with no areas gets BAD_USER_INPUT for over-limit arguments too, and no resolver runs', async () => {
    const { schema, calls } = guarded();
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => String(i)));
    const run = async (query: string, areas: string[]) =>
      codes((await graphql({ schema, source: query, contextValue: { caller: caller('beneficiary:read', areas) } })).errors);
    expect([
      await run(`{ beneficiaries(citizenIds: ${ids}) { citizenId } }`, []),
      await run(`{ beneficiaries(citizenIds: ${ids}) { citizenId } }`, ['38']),
      await run('{ searchBeneficiaries(first: 1000) { totalCount } }', []),
      await run('{ searchBeneficiaries(first: null) { totalCount } }', ['38']),
      await run('{ searchBeneficiaries(first: 100) { totalCount } }', []),
    ]).toEqual([[['beneficiaries', 'BAD_USER_INPUT']], [['beneficiaries', 'BAD_USER_INPUT']], [['searchBeneficiaries', 'BAD_USER_INPUT']], [['searchBeneficiaries', 'BAD_USER_INPUT']], []]);
    expect(calls).toEqual([]);
  });
});
