import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scalars } from '../../schema/index.js';

// The contract's input scalars as the gateway installs them (stitch.ts), on the one the public schema has no
// argument for yet (Date) as on the others: a literal fails validation, a variable fails coercion, both 400.
const echo = (_: unknown, args: { v: string }) => args.v;
const server = new ApolloServer({
  typeDefs: `scalar CitizenId scalar Period scalar AreaCode scalar Date
    type Query { citizenId(v: CitizenId): String period(v: Period): String areaCode(v: AreaCode): String date(v: Date): String }`,
  resolvers: {
    CitizenId: scalars.CitizenId,
    Period: scalars.Period,
    AreaCode: scalars.AreaCode,
    Date: scalars.Date,
    Query: { citizenId: echo, period: echo, areaCode: echo, date: echo },
  },
});
beforeAll(() => server.start());
afterAll(() => server.stop());

async function run(query: string, variables?: Record<string, unknown>) {
  const res = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  const single = res.body.kind === 'single' ? res.body.singleResult : undefined;
  return { status: res.http.status ?? 200, codes: single?.errors?.map((e) => e.extensions?.code), data: single?.data };
}

const CASES: Record<string, { good: string; bad: readonly string[] }> = {
  CitizenId: { good: '038050000101', bad: ['03805000010', '0380500001011', '03805000010a', '０３８０５００００１０１', '000150000101'] },
  Period: { good: '2026-10', bad: ['2026-13', '2026-1', '26-10', '２０２６-１０'] },
  AreaCode: { good: '38', bad: ['3', '038', '3a', '３８', '00', '36'] },
  Date: { good: '2024-02-29', bad: ['2026-02-30', '2026-2-3', '2026-02-03T00:00:00Z', '２０２６-０２-０３'] },
};
const field = (scalar: string) => scalar[0]!.toLowerCase() + scalar.slice(1);

describe.each(Object.entries(CASES))('%s', (scalar, { good, bad }) => {
  it('refuses each bad literal with GRAPHQL_VALIDATION_FAILED and each bad variable with BAD_USER_INPUT, both HTTP 400', async () => {
    const literals = await Promise.all(bad.map((v) => run(`{ ${field(scalar)}(v: ${JSON.stringify(v)}) }`)));
    const variables = await Promise.all(bad.map((v) => run(`query ($v: ${scalar}) { ${field(scalar)}(v: $v) }`, { v })));
    expect([literals, variables]).toEqual([
      bad.map(() => ({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], data: undefined })),
      bad.map(() => ({ status: 400, codes: ['BAD_USER_INPUT'], data: undefined })),
    ]);
  });

  it('accepts a good value either way', async () => {
    expect([await run(`{ ${field(scalar)}(v: ${JSON.stringify(good)}) }`), await run(`query ($v: ${scalar}) { ${field(scalar)}(v: $v) }`, { v: good })]).toEqual(
      Array(2).fill({ status: 200, codes: undefined, data: { [field(scalar)]: good } }),
    );
  });
});
