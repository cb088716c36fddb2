import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { SCOPES } from '../../schema/index.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { gql } from '../security/testing/probe.js';

/*
 * The scope matrix against enforcement (issue 8): for every row of the served `scopeMatrix`, a token holding
 * every scope but the row's is refused the field (FORBIDDEN at the field or at an ancestor on its path), and a
 * token holding every scope is not. Fields that cannot be asked alone are reached by a representative query per
 * type: the shortest path from a root, with argument values that exist in the tiny data set.
 */

const PERIOD = '2026-10';
let stack: InProcessStack;
let schema: GraphQLSchema;
let matrix: { typeName: string; fieldName: string; scopes: string[]; areaRestricted: boolean }[];
/** Argument values that lead to data, by root coordinate (found at run time where IDs are generated). */
const knownArgs: Record<string, Record<string, string>> = {};
/** People of the tiny data set tried in turn until the type under test holds data (representatives, alerts…). */
const CANDIDATES = [TINY.selfBank, TINY.guardianChild, TINY.deceased, TINY.notInPopulation, TINY.closedAccount, TINY.meritAndPension, TINY.pensionOnly];
let citizen: string = TINY.selfBank;
/** Types only a successful link mutation would return with data; their rows are still checked through their ancestors. */
const ONLY_AFTER_A_LINK = ['LinkCheck'];

interface Step {
  readonly field: GraphQLField<unknown, unknown>;
}
/** The shortest way from a root to an object type: the root type and the fields to follow. */
interface Path {
  readonly root: GraphQLObjectType;
  readonly steps: readonly Step[];
}

function literal(type: GraphQLInputType, depth = 0): string {
  const t = getNullableType(type);
  if (isListType(t)) return `[${literal(t.ofType, depth + 1)}]`;
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (isInputObjectType(t)) {
    const required = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'CitizenId':
        return `"${citizen}"`;
      case 'Period':
        return `"${PERIOD}"`;
      case 'AreaCode':
        return '"38"';
      case 'Date':
        return '"2026-10-01"';
      case 'DateTime':
        return '"2026-10-01T00:00:00+07:00"';
      case 'Int':
      case 'Vnd':
      case 'Float':
        return '1';
      case 'Boolean':
        return 'true';
      default:
        return '"x"';
    }
  }
  return 'null';
}

function argumentsOf(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string {
  const known = knownArgs[`${parent.name}.${field.name}`] ?? {};
  const args = field.args.filter((a: GraphQLArgument) => (isNonNullType(a.type) && a.defaultValue === undefined) || known[a.name] !== undefined);
  if (args.length === 0) return '';
  return `(${args.map((a) => `${a.name}: ${known[a.name] ?? literal(a.type)}`).join(', ')})`;
}

/** Breadth-first from the roots (queries before mutations): the first path found to each object type. */
function shortestPaths(): Map<string, Path> {
  const paths = new Map<string, Path>();
  const queue: Path[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    paths.set(root.name, { root, steps: [] });
    queue.push({ root, steps: [] });
  }
  while (queue.length > 0) {
    const path = queue.shift()!;
    const at = path.steps.length === 0 ? path.root : (getNamedType(path.steps.at(-1)!.field.type) as GraphQLObjectType);
    for (const field of Object.values(at.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name)) continue;
      const next = { root: path.root, steps: [...path.steps, { field }] };
      paths.set(target.name, next);
      queue.push(next);
    }
  }
  return paths;
}

/** One operation selecting `fields` of `type` at the end of its path; each leaf-or-__typename selection. */
function operationFor(path: Path, type: GraphQLObjectType, fields: readonly string[]): string {
  const leaf = (name: string) => {
    const field = type.getFields()[name]!;
    return `${name}${argumentsOf(type, field)}${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''}`;
  };
  let body = fields.map(leaf).join(' ');
  let parent = path.root;
  const wraps: string[] = [];
  for (const step of path.steps) {
    wraps.push(`${step.field.name}${argumentsOf(parent, step.field)}`);
    parent = getNamedType(step.field.type) as GraphQLObjectType;
  }
  for (const w of wraps.reverse()) body = `${w} { ${body} }`;
  return `${path.root === schema.getMutationType() ? 'mutation' : 'query'} { ${body} }`;
}

const fieldPath = (path: Path, fieldName: string) => [...path.steps.map((s) => s.field.name), fieldName];
const namesOnly = (p: readonly (string | number)[]) => p.filter((s): s is string => typeof s === 'string');
const isPrefix = (prefix: readonly string[], of: readonly string[]) => prefix.length <= of.length && prefix.every((s, i) => of[i] === s);

/** FORBIDDEN errors of an answer that fall on the field or one of its ancestors. */
function forbiddenOn(body: any, path: readonly string[]): unknown[] {
  return ((body?.errors ?? []) as { path?: (string | number)[]; extensions?: { code?: string } }[]).filter(
    (e) => e.extensions?.code === 'FORBIDDEN' && e.path !== undefined && isPrefix(namesOnly(e.path), path),
  );
}

/** True when the answer holds an object at `path` (indices taken as the first item), so the field was reached. */
function reached(data: any, parentPath: readonly string[]): boolean {
  let at = data;
  for (const name of parentPath) {
    at = at?.[name];
    if (Array.isArray(at)) at = at[0];
    if (at === null || at === undefined) return false;
  }
  return typeof at === 'object';
}

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: TINY_DATASET });
  const all = await stack.token({ scope: SCOPES.join(' '), areas: ['*'], clientId: 'matrix-setup' });
  const intro = await gql(stack.gatewayUrl, all, getIntrospectionQuery());
  expect(intro.status).toBe(200);
  schema = buildClientSchema(intro.body.data as IntrospectionQuery);
  const served = await gql(stack.gatewayUrl, all, '{ scopeMatrix { typeName fieldName scopes areaRestricted } }');
  matrix = served.body.data.scopeMatrix;
  // Real IDs for lookups by ID, so their types are reached with data.
  if (schema.getQueryType()?.getFields().payments) {
    const list = await gql(stack.gatewayUrl, all, `{ payments(filter: { period: "${PERIOD}" }, first: 1) { edges { node { id batch { id } } } } }`);
    const node = list.body.data?.payments?.edges?.[0]?.node;
    if (node?.id) knownArgs['Query.payment'] = { id: JSON.stringify(node.id) };
    if (node?.batch?.id) knownArgs['Query.paymentBatch'] = { id: JSON.stringify(node.batch.id) };
  }
});
afterAll(async () => stack?.stop());

describe('scopeMatrix', () => {
  test('has exactly one row per field of every object type of the served schema', () => {
    const objectFields = Object.values(schema.getTypeMap())
      .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
      .sort();
    expect(matrix.map((r) => `${r.typeName}.${r.fieldName}`).sort()).toEqual(objectFields);
    for (const row of matrix) for (const scope of row.scopes) expect(SCOPES).toContain(scope);
  });

  test('matches enforcement: every row is refused without its scopes and granted with them', async () => {
    const paths = shortestPaths();
    const allScopes = await stack.token({ scope: SCOPES.join(' '), areas: ['*'], clientId: 'matrix-granted' });
    const problems: string[] = [];
    const unreached: string[] = [];
    const byType = new Map<string, typeof matrix>();
    for (const row of matrix) byType.set(row.typeName, [...(byType.get(row.typeName) ?? []), row]);

    for (const [typeName, rows] of byType) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      const path = paths.get(typeName);
      if (!path) {
        problems.push(`${typeName}: no path from a root`);
        continue;
      }
      const parentPath = path.steps.map((s) => s.field.name);
      // Granted: one representative query per type, with every scope, for the first person whose data reaches it.
      let granted = await gql(stack.gatewayUrl, allScopes, operationFor(path, type, rows.map((r) => r.fieldName)));
      for (const candidate of CANDIDATES.slice(1)) {
        if (parentPath.length === 0 || reached(granted.body.data, parentPath)) break;
        citizen = candidate;
        granted = await gql(stack.gatewayUrl, allScopes, operationFor(path, type, rows.map((r) => r.fieldName)));
      }
      if (granted.status !== 200) problems.push(`${typeName}: granted query answered ${granted.status} ${granted.text.slice(0, 200)}`);
      for (const row of rows) {
        if (forbiddenOn(granted.body, fieldPath(path, row.fieldName)).length > 0) problems.push(`${typeName}.${row.fieldName}: FORBIDDEN with every scope`);
      }
      if (parentPath.length > 0 && !reached(granted.body.data, parentPath)) unreached.push(typeName);

      // Refused: per set of scopes, a token with every other scope.
      const bySet = new Map<string, typeof rows>();
      for (const row of rows.filter((r) => r.scopes.length > 0)) bySet.set(row.scopes.join(' '), [...(bySet.get(row.scopes.join(' ')) ?? []), row]);
      for (const [scopeSet, group] of bySet) {
        const lacking = SCOPES.filter((s) => !scopeSet.split(' ').includes(s)).join(' ');
        const token = await stack.token({ scope: lacking, areas: ['*'], clientId: 'matrix-refused' });
        const refused = await gql(stack.gatewayUrl, token, operationFor(path, type, group.map((r) => r.fieldName)));
        for (const row of group) {
          if (forbiddenOn(refused.body, fieldPath(path, row.fieldName)).length === 0) {
            problems.push(`${typeName}.${row.fieldName}: not refused without [${scopeSet}] (answered ${refused.status})`);
          }
        }
      }
      citizen = TINY.selfBank;
    }
    expect(problems).toEqual([]);
    // Types whose parent was null in the tiny data set are checked only through their ancestors' refusal.
    expect(unreached.filter((t) => !ONLY_AFTER_A_LINK.includes(t))).toEqual([]);
  });
});
