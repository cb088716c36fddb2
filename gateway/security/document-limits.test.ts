import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, test } from 'vitest';
import { aliasLimit, depthLimit, directiveLimit, fragmentCycleLimit, tokenLimit, type OperationScan } from './document-limits.js';

const scan = (source: string, introspectionAllowed = false): OperationScan => {
  const doc = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { operation, fragments, introspectionAllowed };
};

/** `{ a { a { … leaf } } }` with `depth` fields on the deepest path. */
const nested = (depth: number): string => `{ ${'a { '.repeat(depth - 1)}leaf${' }'.repeat(depth - 1)} }`;

describe('tokenLimit', () => {
  const limit = tokenLimit(10);
  test('counts lexical tokens, comments excluded, and stops at the first one over', () => {
    expect(limit('{ a b c } # a comment with many words in it')).toBeNull();
    expect(limit('{ a b c d e f g h }')).toBeNull();
    expect(limit('{ a b c d e f g h i }')).toEqual({ limit: 'tokens', max: 10, actual: 11 });
    expect(limit(`{ ${'x '.repeat(100_000)}}`)).toEqual({ limit: 'tokens', max: 10, actual: 11 });
  });

  test('leaves lexical errors to the parser', () => {
    expect(limit('{ a "unterminated')).toBeNull();
  });
});

describe('depthLimit', () => {
  const limit = depthLimit(10);
  test('the root field counts 1; depth 10 passes and 11 does not', () => {
    expect(limit(scan(nested(1)))).toBeNull();
    expect(limit(scan(nested(10)))).toBeNull();
    expect(limit(scan(nested(11)))).toEqual({ limit: 'depth', max: 10, actual: 11 });
    expect(limit(scan(nested(12)))).toEqual({ limit: 'depth', max: 10, actual: 12 });
  });

  test('follows fragments and inline fragments', () => {
    const viaFragments = `{ a { ...F } } fragment F on T { b { ... on T { c { ...G } } } } fragment G on T { d { e { f { g { h { i { j { k } } } } } } } }`;
    expect(limit(scan(viaFragments))).toEqual({ limit: 'depth', max: 10, actual: 11 });
    expect(depthLimit(11)(scan(viaFragments))).toBeNull();
  });

  test('introspection subtrees are exempt only for callers allowed to introspect', () => {
    const deep = `{ __schema { ${'types { fields { type { '.repeat(3)}name${' } } }'.repeat(3)} } }`;
    expect(limit(scan(deep, false))).toMatchObject({ limit: 'depth' });
    expect(limit(scan(deep, true))).toBeNull();
    const viaFragment = `{ ...Q } fragment Q on Query { __type(name: "X") { ${'fields { type { '.repeat(5)}name${' } }'.repeat(5)} } }`;
    expect(limit(scan(viaFragment, true))).toBeNull();
    // A data field of the same depth next to it is still counted.
    expect(limit(scan(`{ __schema { types { name } } ${nested(11).slice(1, -1)} }`, true))).toMatchObject({ limit: 'depth', actual: 11 });
  });
});

describe('aliasLimit', () => {
  const limit = aliasLimit(15);
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: f`).join(' ')} }`;
  test('15 aliases pass, 16 do not', () => {
    expect(limit(scan(aliased(15)))).toBeNull();
    expect(limit(scan(aliased(16)))).toEqual({ limit: 'aliases', max: 15, actual: 16 });
  });

  test('a fragment counts as often as it is spread', () => {
    const doc = `{ x { ...F } y { ...F } z { ...F } } fragment F on T { a: f b: f c: f d: f e: f f: f }`;
    expect(limit(scan(doc))).toEqual({ limit: 'aliases', max: 15, actual: 18 });
  });

  test('nested spreads doubling at every level cannot hide thousands of aliases', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on T { ...F${i} ...F${i} }`).join(' ');
    const doc = `{ ...F12 } fragment F0 on T { a: f } ${levels}`;
    expect(limit(scan(doc))).toEqual({ limit: 'aliases', max: 15, actual: 4096 });
  });
});

describe('directiveLimit', () => {
  const limit = directiveLimit(10);
  test('counts directives everywhere in the operation, fragments per spread', () => {
    const ten = `query Q($v: Boolean = true @d) @d { a @include(if: $v) @d ...F @d ... on T @d { b @d } } fragment F on T @d { c @d @d }`;
    expect(limit(scan(ten))).toBeNull();
    expect(limit(scan(ten.replace('{ b @d }', '{ b @d @d }')))).toEqual({ limit: 'directives', max: 10, actual: 11 });
  });
});

describe('fragmentCycleLimit', () => {
  const limit = fragmentCycleLimit();
  test('refuses a fragment that spreads itself, directly or through others', () => {
    expect(limit(scan(`{ ...A } fragment A on T { ...A }`).fragments)).toEqual({ limit: 'fragment_cycle', max: 0, actual: 1 });
    expect(limit(scan(`{ ...A } fragment A on T { b { ...B } } fragment B on T { ... on T { ...A } }`).fragments)).toEqual({
      limit: 'fragment_cycle',
      max: 0,
      actual: 1,
    });
  });

  test('accepts shared fragments that form no cycle, and spreads of unknown fragments', () => {
    expect(limit(scan(`{ ...A ...B } fragment A on T { ...C } fragment B on T { ...C } fragment C on T { x ...Missing }`).fragments)).toBeNull();
  });
});
