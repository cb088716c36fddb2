import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../mocks/testing/mock-control.js';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { errorsOf } from './testing/lookup-oracle.js';

// Input scalars validate before anything runs (issue 5, item 7): a bad value is refused with HTTP 400 and
// no subgraph or agency hears of it.
const BAD_CITIZEN_IDS = {
  '11 digits': '03805000010',
  '13 digits': '0380500001011',
  letters: '03805000010a',
  'full-width digits': '０３８０５００００１０１',
  'province 000': '000150000101',
  'century digit 4': '038450000101',
};
const BAD_AREA_CODES = { '1 digit': '3', '3 digits': '038', letters: '3a', 'full-width digits': '３８', '4 digits': '0380' };
const BAD_PERIODS = { 'month 13': '2026-13', 'one-digit month': '2026-1', 'two-digit year': '26-10', 'full-width digits': '２０２６-１０' };

let stack: InProcessStack;
let token: string;
const upstream = () => ({
  subgraphs: Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0),
  agencies: Object.values(stack.mocks.mocks).reduce((n, m) => n + m.stats().requests, 0),
});

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET, clock: testClock });
  token = await stack.token({ scope: 'beneficiary:read citizen:read payments:read', areas: ['*'] });
});
afterAll(async () => stack?.stop());

/** Sends each operation and returns its status, error codes and data, and whether anything went upstream. */
async function refusals(operations: readonly { query: string; variables?: Record<string, unknown> }[]) {
  const before = upstream();
  const answers = [];
  for (const op of operations) {
    const { status, body } = await stack.query(token, op.query, op.variables);
    answers.push({ status, codes: errorsOf(body)?.map((e) => e.code), data: body.data });
  }
  return { answers, upstream: [upstream().subgraphs - before.subgraphs, upstream().agencies - before.agencies] };
}

const refused = (code: string, n: number) => ({ answers: Array(n).fill({ status: 400, codes: [code], data: undefined }), upstream: [0, 0] });

describe('CitizenId', () => {
  const bad = Object.values(BAD_CITIZEN_IDS);

  it('as a literal: GRAPHQL_VALIDATION_FAILED, HTTP 400, nothing upstream', async () => {
    expect(await refusals(bad.map((v) => ({ query: `query L { beneficiary(citizenId: ${JSON.stringify(v)}) { citizenId } }` })))).toEqual(
      refused('GRAPHQL_VALIDATION_FAILED', bad.length),
    );
  });

  it('as a variable (alone or in the beneficiaries list): BAD_USER_INPUT, HTTP 400, nothing upstream', async () => {
    const one = bad.map((v) => ({ query: 'query V($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }', variables: { id: v } }));
    const many = bad.map((v) => ({
      query: 'query W($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }',
      variables: { ids: [TINY.selfBank, v] },
    }));
    expect(await refusals([...one, ...many])).toEqual(refused('BAD_USER_INPUT', bad.length * 2));
  });

  it('a good one goes through', async () => {
    const { body } = await stack.query(token, 'query G($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }', { id: TINY.selfBank });
    expect(body).toEqual({ data: { beneficiary: { citizenId: TINY.selfBank } } });
  });
});

describe('AreaCode', () => {
  const bad = Object.values(BAD_AREA_CODES);

  it('as a literal in the search filter: GRAPHQL_VALIDATION_FAILED; as a variable: BAD_USER_INPUT; HTTP 400, nothing upstream', async () => {
    const literal = bad.map((v) => ({ query: `query L { searchBeneficiaries(filter: { areaCode: ${JSON.stringify(v)} }) { totalCount } }` }));
    const variable = bad.map((v) => ({
      query: 'query V($f: BeneficiaryFilter!) { searchBeneficiaries(filter: $f) { totalCount } }',
      variables: { f: { areaCode: v } },
    }));
    const answers = await refusals([...literal, ...variable]);
    expect(answers).toEqual({
      answers: [...refused('GRAPHQL_VALIDATION_FAILED', bad.length).answers, ...refused('BAD_USER_INPUT', bad.length).answers],
      upstream: [0, 0],
    });
  });
});

describe('Period', () => {
  const bad = Object.values(BAD_PERIODS);

  it('as a literal: GRAPHQL_VALIDATION_FAILED; as a variable: BAD_USER_INPUT; HTTP 400, nothing upstream', async () => {
    const literal = bad.map((v) => ({ query: `query L { beneficiary(citizenId: "${TINY.selfBank}") { payments(period: ${JSON.stringify(v)}) { id } } }` }));
    const variable = bad.map((v) => ({
      query: `query V($p: Period) { beneficiary(citizenId: "${TINY.selfBank}") { payments(period: $p) { id } } }`,
      variables: { p: v },
    }));
    const answers = await refusals([...literal, ...variable]);
    expect(answers).toEqual({
      answers: [...refused('GRAPHQL_VALIDATION_FAILED', bad.length).answers, ...refused('BAD_USER_INPUT', bad.length).answers],
      upstream: [0, 0],
    });
  });
});
