import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, test } from 'vitest';
import { introspectionGate, introspectionKeys } from './introspection-gate.js';

const scan = (source: string, introspectionAllowed: boolean) => {
  const doc = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { operation, fragments, introspectionAllowed };
};

describe('introspectionGate', () => {
  const gate = introspectionGate();

  test('refuses __schema and __type, by response key, to callers not allowed to introspect', () => {
    expect(gate(scan('{ __schema { queryType { name } } }', false))).toBe('__schema');
    expect(gate(scan('{ viewer { subject } t: __type(name: "Query") { name } }', false))).toBe('t');
    expect(gate(scan('{ ...Q } fragment Q on Query { ... on Query { __schema { types { name } } } }', false))).toBe('__schema');
  });

  test('lets them through for callers allowed to introspect', () => {
    expect(gate(scan('{ __schema { queryType { name } } }', true))).toBeNull();
  });

  test('__typename is always allowed, at the root and below', () => {
    expect(gate(scan('{ __typename viewer { __typename subject } }', false))).toBeNull();
  });

  test('lists every root-level introspection key in document order', () => {
    const { operation, fragments } = scan('{ a: __type(name: "A") { name } __typename ...F } fragment F on Query { __schema { types { name } } }', false);
    expect(introspectionKeys(operation, fragments)).toEqual(['a', '__schema']);
  });
});
