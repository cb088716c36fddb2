import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../mocks/fixtures/dataset.js';
import { generateDataset } from '../../mocks/fixtures/generator.js';
import { clearFault, putFault, testClock } from '../../mocks/testing/mock-control.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { BENEFICIARY_FIELDS, beneficiariesIn, errorsOf, expectedBeneficiary } from './testing/lookup-oracle.js';

// Degradation per ownership.md's Failures table, with the agencies failed through their fault control.
const data = generateDataset({ scale: 300, referenceDate: '2026-11-15' });
const { scenarios } = data.scenarios;
const id = (name: ScenarioName) => scenarios[name].citizenId;
const PROVINCE = scenarios.SELF_BANK_ACTIVE.provinceCode;
const AGENCY_TIMEOUT_MS = 400;

const ONE = `query One($id: CitizenId!) { beneficiary(citizenId: $id) { ${BENEFICIARY_FIELDS} } }`;
const MANY = `query Many($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId citizen { id } alerts { code source } } }`;

let stack: InProcessStack;
let reader: string;
const byPath = (errors: ReturnType<typeof errorsOf>) => [...(errors ?? [])].sort((a, b) => (JSON.stringify(a.path) < JSON.stringify(b.path) ? -1 : 1));

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: data, clock: testClock, agency: { timeoutMs: AGENCY_TIMEOUT_MS } });
  reader = await stack.token({ scope: 'beneficiary:read citizen:read', areas: [PROVINCE] });
  // Units are reference data the registry's subgraph keeps for an hour: load them once, as any earlier request would.
  await stack.query(reader, ONE, { id: id('SELF_BANK_ACTIVE') });
});
afterAll(async () => stack?.stop());
afterEach(async () => {
  await Promise.all(Object.values(stack.mocks.urls).map((url) => clearFault(url)));
});

describe('the population database down', () => {
  it('citizen is null with SOURCE_UNAVAILABLE at exactly its path, alerts say so, everything else stands', async () => {
    await putFault(stack.mocks.urls.POPULATION, { mode: 'down' });
    const { status, body } = await stack.query(reader, ONE, { id: id('SELF_BANK_ACTIVE') });
    expect({ status, errors: errorsOf(body), data: body.data }).toEqual({
      status: 200,
      errors: [{ path: ['beneficiary', 'citizen'], code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }],
      data: {
        beneficiary: {
          ...expectedBeneficiary(data, id('SELF_BANK_ACTIVE')),
          citizen: null,
          alerts: [{ code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }],
        },
      },
    });
  });

  it('in lists the error keeps the list index: beneficiaries and search pages', async () => {
    await putFault(stack.mocks.urls.POPULATION, { mode: 'down' });
    const ids = [id('SELF_BANK_ACTIVE'), id('PENSION_ONLY'), id('NOT_IN_POPULATION_DB')];
    const many = await stack.query(reader, MANY, { ids });
    const commune = scenarios.MERIT_AND_PENSION.areaCode;
    const people = beneficiariesIn(data, commune);
    const search = await stack.query(
      reader,
      `query S($f: BeneficiaryFilter!) { searchBeneficiaries(filter: $f, first: 100) { edges { node { citizenId citizen { id } } } } }`,
      { f: { areaCode: commune } },
    );
    const unavailable = { alerts: [{ code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }], citizen: null };
    expect([many.body.data, byPath(errorsOf(many.body)), search.body.data, byPath(errorsOf(search.body))]).toEqual([
      { beneficiaries: ids.map((citizenId) => ({ citizenId, ...unavailable })) },
      ids.map((_, i) => ({ path: ['beneficiaries', i, 'citizen'], code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' })),
      { searchBeneficiaries: { edges: people.map((citizenId) => ({ node: { citizenId, citizen: null } })) } },
      byPath(people.map((_, i) => ({ path: ['searchBeneficiaries', 'edges', i, 'node', 'citizen'], code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }))),
    ]);
  });

  it('a population database that never answers costs the configured timeout, not the answer', async () => {
    await putFault(stack.mocks.urls.POPULATION, { mode: 'timeout' });
    const started = Date.now();
    const { body } = await stack.query(reader, MANY, { ids: [id('SELF_BANK_ACTIVE')] });
    const elapsed = Date.now() - started;
    expect([body.data, errorsOf(body), elapsed < AGENCY_TIMEOUT_MS * 8]).toEqual([
      { beneficiaries: [{ citizenId: id('SELF_BANK_ACTIVE'), citizen: null, alerts: [{ code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }] }] },
      [{ path: ['beneficiaries', 0, 'citizen'], code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' }],
      true,
    ]);
  });
});

describe('social insurance (BHXH) down', () => {
  it('search answers from the registry, with SOCIAL_INSURANCE in unavailableSources and no error', async () => {
    await putFault(stack.mocks.urls.SOCIAL_INSURANCE, { mode: 'down' });
    const onRegistry = data.registry.filter((r) => r.provinceCode === PROVINCE).map((r) => r.citizenId);
    const { body } = await stack.query(
      reader,
      `query S($f: BeneficiaryFilter!) { searchBeneficiaries(filter: $f, first: 100) { totalCount unavailableSources edges { node { citizenId } } } }`,
      { f: { areaCode: PROVINCE } },
    );
    expect(body).toEqual({
      data: {
        searchBeneficiaries: {
          totalCount: onRegistry.length,
          unavailableSources: ['SOCIAL_INSURANCE'],
          edges: onRegistry.slice(0, 100).map((citizenId) => ({ node: { citizenId } })),
        },
      },
    });
  });

  it('PENSION_ONLY is null with SOURCE_UNAVAILABLE at ["beneficiary"]; a registry person is answered from the registry', async () => {
    await putFault(stack.mocks.urls.SOCIAL_INSURANCE, { mode: 'down' });
    const pension = await stack.query(reader, ONE, { id: id('PENSION_ONLY') });
    const merit = await stack.query(reader, ONE, { id: id('MERIT_AND_PENSION') });
    const expected = expectedBeneficiary(data, id('MERIT_AND_PENSION'));
    expect([pension.body.data, errorsOf(pension.body), merit.body]).toEqual([
      { beneficiary: null },
      [{ path: ['beneficiary'], code: 'SOURCE_UNAVAILABLE', source: 'SOCIAL_INSURANCE' }],
      {
        data: {
          beneficiary: {
            ...expected,
            entitlements: (expected.entitlements as { source: string }[]).filter((e) => e.source === 'LABOR_REGISTRY'),
            alerts: [{ code: 'SOURCE_UNAVAILABLE', source: 'SOCIAL_INSURANCE' }],
          },
        },
      },
    ]);
  });

  it('beneficiaries: per item, null with the error at ["beneficiaries", i] where no answering root holds the person', async () => {
    await putFault(stack.mocks.urls.SOCIAL_INSURANCE, { mode: 'down' });
    const unknown = '038199999999';
    const { body } = await stack.query(reader, MANY, { ids: [id('SELF_BANK_ACTIVE'), id('PENSION_ONLY'), unknown] });
    expect([body.data.beneficiaries.map((b: { citizenId: string } | null) => b?.citizenId ?? null), byPath(errorsOf(body))]).toEqual([
      [id('SELF_BANK_ACTIVE'), null, null],
      [
        { path: ['beneficiaries', 1], code: 'SOURCE_UNAVAILABLE', source: 'SOCIAL_INSURANCE' },
        { path: ['beneficiaries', 2], code: 'SOURCE_UNAVAILABLE', source: 'SOCIAL_INSURANCE' },
      ],
    ]);
  });
});

describe('the registry down', () => {
  it('PENSION_ONLY is answered by social insurance, representatives null with SOURCE_UNAVAILABLE; registry-only people are not', async () => {
    await putFault(stack.mocks.urls.LABOR_REGISTRY, { mode: 'down' });
    const { body } = await stack.query(
      reader,
      `query R($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId fullName area { code } entitlements { source } representatives { role } alerts { code source } } }`,
      { ids: [id('PENSION_ONLY'), id('SELF_BANK_ACTIVE')] },
    );
    const insured = data.insurance.find((p) => p.citizenId === id('PENSION_ONLY'))!;
    expect([body.data, byPath(errorsOf(body))]).toEqual([
      {
        beneficiaries: [
          {
            citizenId: insured.citizenId,
            fullName: insured.fullName,
            area: { code: insured.communeCode },
            entitlements: [{ source: 'SOCIAL_INSURANCE' }],
            representatives: null,
            alerts: [{ code: 'SOURCE_UNAVAILABLE', source: 'LABOR_REGISTRY' }],
          },
          null,
        ],
      },
      [
        { path: ['beneficiaries', 0, 'representatives'], code: 'SOURCE_UNAVAILABLE', source: 'LABOR_REGISTRY' },
        { path: ['beneficiaries', 1], code: 'SOURCE_UNAVAILABLE', source: 'LABOR_REGISTRY' },
      ],
    ]);
  });
});
