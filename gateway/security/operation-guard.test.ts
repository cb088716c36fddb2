import { describe, expect, test } from 'vitest';
import { createOperationGuard } from './operation-guard.js';

const guard = createOperationGuard({ maxTokens: 200, maxDepth: 4, maxAliases: 2, maxDirectives: 1 });
const analyze = (query: string, operationName?: string, introspectionAllowed = false) => guard.analyze({ query, operationName, introspectionAllowed });

describe('createOperationGuard', () => {
  test('identifies the operation and its root fields through fragments', () => {
    expect(analyze('query Q { viewer { subject } b: beneficiary(citizenId: "x") { citizenId } ...R } fragment R on Query { __typename }')).toEqual({
      kind: 'ok',
      operationType: 'query',
      operationName: 'Q',
      rootFields: [
        { responseKey: 'viewer', fieldName: 'viewer' },
        { responseKey: 'b', fieldName: 'beneficiary' },
        { responseKey: '__typename', fieldName: '__typename' },
      ],
    });
    expect(analyze('mutation M { link { id } } query Q { viewer { subject } }', 'M')).toMatchObject({ kind: 'ok', operationType: 'mutation' });
  });

  test('an unnamed choice among several operations is not identified, and every operation is checked', () => {
    expect(analyze('query A { a } query B { b }')).toEqual({ kind: 'ok', operationType: null, operationName: null, rootFields: [] });
    expect(analyze('query A { a } query B { a { b { c { d { e } } } } }')).toMatchObject({ kind: 'too_complex', violation: { limit: 'depth' } });
    expect(analyze('query A { a } query B { b }', 'C')).toEqual({ kind: 'ok', operationType: null, operationName: null, rootFields: [] });
  });

  test('a document that does not parse is a parse failure, nothing else decided', () => {
    expect(analyze('{ viewer { ')).toMatchObject({ kind: 'parse_failed' });
    expect(Object.keys(analyze('query { "x" }'))).toEqual(['kind', 'message']);
  });

  test('each limit refuses before anything else is decided', () => {
    expect(analyze(`{ ${'a '.repeat(300)}}`)).toEqual({
      kind: 'too_complex',
      violation: { limit: 'tokens', max: 200, actual: 201 },
      operationType: null,
      operationName: null,
      rootFields: [],
    });
    expect(analyze('{ a { b { c { d { e } } } } }')).toMatchObject({ kind: 'too_complex', violation: { limit: 'depth', max: 4, actual: 5 } });
    expect(analyze('{ x: a y: a z: a }')).toMatchObject({ kind: 'too_complex', violation: { limit: 'aliases', max: 2, actual: 3 } });
    expect(analyze('{ a @skip(if: false) b @skip(if: false) }')).toMatchObject({ kind: 'too_complex', violation: { limit: 'directives', max: 1, actual: 2 } });
    expect(analyze('{ ...A } fragment A on Query { ...A }')).toMatchObject({ kind: 'too_complex', violation: { limit: 'fragment_cycle' } });
  });

  test('introspection is refused unless allowed, and then exempt from the depth limit', () => {
    const deep = '{ __schema { types { fields { type { ofType { name } } } } } }';
    expect(analyze(deep, undefined, true)).toMatchObject({ kind: 'ok', operationType: 'query' });
    expect(analyze('{ __schema { queryType { name } } }')).toMatchObject({ kind: 'introspection_forbidden', responseKey: '__schema' });
    expect(analyze('{ __typename }')).toMatchObject({ kind: 'ok' });
  });

  test('cached answers depend on whether the caller may introspect', () => {
    const q = '{ __schema { queryType { name } } }';
    expect(analyze(q, undefined, true).kind).toBe('ok');
    expect(analyze(q, undefined, false).kind).toBe('introspection_forbidden');
    expect(analyze(q, undefined, true).kind).toBe('ok');
  });
});
