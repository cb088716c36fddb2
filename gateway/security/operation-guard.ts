import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import {
  aliasLimit,
  depthLimit,
  directiveLimit,
  fragmentCycleLimit,
  tokenLimit,
  type LimitViolation,
  type OperationLimit,
  type OperationScan,
} from './document-limits.js';
import { introspectionGate } from './introspection-gate.js';

/** The document limits of scopes.md (defaults 2,000 tokens, depth 10, 15 aliases, 10 directives). */
export interface OperationLimits {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
}

export type OperationType = 'query' | 'mutation' | 'subscription';

/** A root-level field of the operation, fragments expanded. */
export interface RootField {
  readonly responseKey: string;
  readonly fieldName: string;
}

interface Identified {
  /** Null when the request does not name exactly one operation of its document (Apollo then refuses it). */
  readonly operationType: OperationType | null;
  /** The selected operation's own name, when it has one. */
  readonly operationName: string | null;
  readonly rootFields: readonly RootField[];
}

/** What the guard decided about one operation, before anything of it runs. */
export type OperationAnalysis =
  | { readonly kind: 'parse_failed'; readonly message: string }
  | ({ readonly kind: 'too_complex'; readonly violation: LimitViolation } & Identified)
  | ({ readonly kind: 'introspection_forbidden'; readonly responseKey: string } & Identified)
  | ({ readonly kind: 'ok' } & Identified);

export interface OperationRequest {
  readonly query: string;
  readonly operationName?: string | null | undefined;
  readonly introspectionAllowed: boolean;
}

export interface OperationGuard {
  analyze(request: OperationRequest): OperationAnalysis;
}

const CACHE_ENTRIES = 500;
const CACHEABLE_QUERY_LENGTH = 8192;

/**
 * Checks an operation against the document limits before Apollo parses and validates it, so an oversized or
 * pathological document is refused before validation (whose cost grows with aliases and fragments) and nothing
 * executes. Analyses of short documents are cached: clients repeat the same few operations.
 */
export function createOperationGuard(limits: OperationLimits): OperationGuard {
  const tokens = tokenLimit(limits.maxTokens);
  const cycles = fragmentCycleLimit();
  const operationLimits: OperationLimit[] = [depthLimit(limits.maxDepth), aliasLimit(limits.maxAliases), directiveLimit(limits.maxDirectives)];
  const introspection = introspectionGate();
  const cache = new Map<string, OperationAnalysis>();

  const analyzeUncached = ({ query, operationName, introspectionAllowed }: OperationRequest): OperationAnalysis => {
    const tooMany = tokens(query);
    if (tooMany) return { kind: 'too_complex', violation: tooMany, operationType: null, operationName: null, rootFields: [] };
    let document: DocumentNode;
    try {
      // The lexer pass above already bounds the work; maxTokens is the parser's own backstop.
      document = parse(query, { maxTokens: limits.maxTokens + 1 });
    } catch (error) {
      return { kind: 'parse_failed', message: error instanceof GraphQLError ? error.message : 'Syntax Error' };
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const selected = operationName ? operations.filter((o) => o.name?.value === operationName) : operations;
    const operation = selected.length === 1 ? selected[0]! : null;
    const identified: Identified = {
      operationType: operation ? operation.operation : null,
      operationName: operation?.name?.value ?? null,
      rootFields: operation ? rootFieldsOf(operation.selectionSet, fragments) : [],
    };
    // Without one selected operation, every operation of the document must pass.
    const scans: OperationScan[] = (operation ? [operation] : operations).map((o) => ({ operation: o, fragments, introspectionAllowed }));
    const cycle = cycles(fragments);
    if (cycle) return { kind: 'too_complex', violation: cycle, ...identified };
    for (const scan of scans) {
      for (const limit of operationLimits) {
        const violation = limit(scan);
        if (violation) return { kind: 'too_complex', violation, ...identified };
      }
    }
    for (const scan of scans) {
      if (scan.operation.operation !== 'query') continue;
      const responseKey = introspection(scan);
      if (responseKey !== null) return { kind: 'introspection_forbidden', responseKey, ...identified };
    }
    return { kind: 'ok', ...identified };
  };

  return {
    analyze(request) {
      if (request.query.length > CACHEABLE_QUERY_LENGTH) return analyzeUncached(request);
      const key = `${request.introspectionAllowed ? 1 : 0}\u0000${request.operationName ?? ''}\u0000${request.query}`;
      const hit = cache.get(key);
      if (hit) {
        // Map order is insertion order: re-inserting keeps the most recently used last.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const analysis = analyzeUncached(request);
      cache.set(key, analysis);
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      return analysis;
    },
  };
}

/** Root-level fields of a selection set, in document order, through inline fragments and spreads. */
function rootFieldsOf(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): RootField[] {
  const fields: RootField[] = [];
  const guard = new Set<string>();
  const walk = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FIELD) fields.push({ responseKey: sel.alias?.value ?? sel.name.value, fieldName: sel.name.value });
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else {
        const fragment = fragments.get(sel.name.value);
        if (fragment && !guard.has(sel.name.value)) {
          guard.add(sel.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(set);
  return fields;
}
