import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Which limit of scopes.md §Limits an operation broke. */
export type LimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'fragment_cycle';

export interface LimitViolation {
  readonly limit: LimitName;
  readonly max: number;
  /** What the operation reached (for a cycle: 1). Counting stops early, so this may be below the true figure. */
  readonly actual: number;
}

/** One parsed operation with the fragments of its document, as every operation limit reads it. */
export interface OperationScan {
  readonly operation: OperationDefinitionNode;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** True when the caller may introspect, so `__schema` / `__type` subtrees are exempt from the depth limit. */
  readonly introspectionAllowed: boolean;
}

export type OperationLimit = (scan: OperationScan) => LimitViolation | null;

/**
 * Tokens per document, counted by graphql-js's own lexer (comments excluded, as its parser counts them) and
 * stopped at the first token over `max`, so an oversized document costs no more than `max` tokens of work.
 * Lexical errors are left to the parser.
 */
export function tokenLimit(max: number): (source: string) => LimitViolation | null {
  return (source) => {
    const lexer = new Lexer(new Source(source));
    let count = 0;
    try {
      while (lexer.advance().kind !== TokenKind.EOF) {
        count += 1;
        if (count > max) return { limit: 'tokens', max, actual: count };
      }
    } catch {
      return null;
    }
    return null;
  };
}

/** Refuses fragments that spread themselves, directly or through others (GraphQL forbids them; they never end). */
export function fragmentCycleLimit(): (fragments: ReadonlyMap<string, FragmentDefinitionNode>) => LimitViolation | null {
  return (fragments) => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string): boolean => {
      const seen = state.get(name);
      if (seen === 'visiting') return true;
      if (seen === 'done') return false;
      const fragment = fragments.get(name);
      if (!fragment) return false;
      state.set(name, 'visiting');
      for (const spread of spreadsIn(fragment.selectionSet)) if (visit(spread)) return true;
      state.set(name, 'done');
      return false;
    };
    for (const name of fragments.keys()) if (visit(name)) return { limit: 'fragment_cycle', max: 0, actual: 1 };
    return null;
  };
}

/** Fields nested, the root field counting 1; introspection subtrees are exempt for callers allowed to introspect. */
export function depthLimit(max: number): OperationLimit {
  return ({ operation, fragments, introspectionAllowed }) => {
    const memo = new Map<string, number>();
    const depthOf = (set: SelectionSetNode | undefined, guard: Set<string>): number => {
      let deepest = 0;
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(s.selectionSet, guard));
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s.selectionSet, guard));
        else deepest = Math.max(deepest, fragmentDepth(s.name.value, guard));
      }
      return deepest;
    };
    const fragmentDepth = (name: string, guard: Set<string>): number => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      if (!fragment || guard.has(name)) return 0;
      guard.add(name);
      const depth = depthOf(fragment.selectionSet, guard);
      guard.delete(name);
      memo.set(name, depth);
      return depth;
    };
    // The root level is walked apart: only there do `__schema` and `__type` exist.
    const rootDepth = (set: SelectionSetNode, guard: Set<string>): number => {
      let deepest = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          const exempt = introspectionAllowed && (s.name.value === '__schema' || s.name.value === '__type');
          deepest = Math.max(deepest, exempt ? 1 : 1 + depthOf(s.selectionSet, guard));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, rootDepth(s.selectionSet, guard));
        } else {
          const fragment = fragments.get(s.name.value);
          if (fragment && !guard.has(s.name.value)) {
            guard.add(s.name.value);
            deepest = Math.max(deepest, rootDepth(fragment.selectionSet, guard));
            guard.delete(s.name.value);
          }
        }
      }
      return deepest;
    };
    const depth = rootDepth(operation.selectionSet, new Set());
    return depth > max ? { limit: 'depth', max, actual: depth } : null;
  };
}

/** Aliased fields per operation, each fragment counted as often as it is spread. */
export function aliasLimit(max: number): OperationLimit {
  return (scan) => {
    const count = countInOperation(scan, (s) => (s.kind === Kind.FIELD && s.alias ? 1 : 0));
    return count > max ? { limit: 'aliases', max, actual: count } : null;
  };
}

/** Directives per operation (on the operation, its variables, fields, fragments and spreads), fragments counted per spread. */
export function directiveLimit(max: number): OperationLimit {
  return (scan) => {
    const ownDirectives = (node: { readonly directives?: readonly DirectiveNode[] | undefined }) => node.directives?.length ?? 0;
    const onOperation =
      ownDirectives(scan.operation) + (scan.operation.variableDefinitions ?? []).reduce((n, v) => n + ownDirectives(v), 0);
    const count = onOperation + countInOperation(scan, ownDirectives, (fragment) => ownDirectives(fragment));
    return count > max ? { limit: 'directives', max, actual: count } : null;
  };
}

type Selection = SelectionSetNode['selections'][number];

/** Sums `perSelection` over the operation with fragments expanded (memoised, so repeated spreads cost nothing). */
function countInOperation(
  { operation, fragments }: OperationScan,
  perSelection: (s: Selection) => number,
  perFragment: (f: FragmentDefinitionNode) => number = () => 0,
): number {
  const memo = new Map<string, number>();
  const guard = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): number => {
    let n = 0;
    for (const s of set?.selections ?? []) {
      n += perSelection(s);
      if (s.kind === Kind.FIELD) n += inSet(s.selectionSet);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += inSet(s.selectionSet);
      else n += inFragment(s.name.value);
    }
    return n;
  };
  const inFragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || guard.has(name)) return 0;
    guard.add(name);
    const n = perFragment(fragment) + inSet(fragment.selectionSet);
    guard.delete(name);
    memo.set(name, n);
    return n;
  };
  return inSet(operation.selectionSet);
}

function spreadsIn(set: SelectionSetNode): string[] {
  const names: string[] = [];
  const walk = (s: SelectionSetNode | undefined) => {
    for (const sel of s?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) names.push(sel.name.value);
      else walk(sel.selectionSet);
    }
  };
  walk(set);
  return names;
}
