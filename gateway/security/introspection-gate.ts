import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { OperationScan } from './document-limits.js';

const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/** Response keys of the root-level `__schema` / `__type` fields of an operation (through fragments); `__typename` is not one. */
export function introspectionKeys(operation: OperationScan['operation'], fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const keys: string[] = [];
  const guard = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(s.name.value)) keys.push(s.alias?.value ?? s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet);
      } else {
        const fragment = fragments.get(s.name.value);
        if (fragment && !guard.has(s.name.value)) {
          guard.add(s.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return keys;
}

/**
 * Introspection only for callers allowed it (scopes.md: tokens with `audit:read`): the response key of the first
 * introspection field of an operation that may not introspect, or null when the operation may run.
 */
export function introspectionGate(): (scan: OperationScan) => string | null {
  return ({ operation, fragments, introspectionAllowed }) => {
    if (introspectionAllowed) return null;
    return introspectionKeys(operation, fragments)[0] ?? null;
  };
}
