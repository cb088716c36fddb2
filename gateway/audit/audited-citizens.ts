import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { isCitizenId } from '../../schema/index.js';

const CITIZEN_ID_SCALAR = 'CitizenId';

export interface AuditedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName?: string | null | undefined;
  readonly variables?: Readonly<Record<string, unknown>> | null | undefined;
  /** The response's `data`, when there is one. */
  readonly data?: unknown;
}

/**
 * The citizen IDs an operation touched, for the audit (scopes.md §Audit): every `CitizenId` value in its arguments
 * (the people asked for or changed, answered or not) and in the data it returned, in document and data order,
 * each once. Values that are not valid IDs are left out; the walk never throws.
 */
export function auditedCitizenIds(op: AuditedOperation): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && isCitizenId(value)) found.add(value);
  };
  try {
    const operation = getOperationAST(op.document, op.operationName ?? undefined);
    const root = operation ? op.schema.getRootType(operation.operation) : undefined;
    if (!operation || !root) return [];
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of op.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const variables = (op.variables ?? {}) as Record<string, unknown>;

    const fromInput = (value: unknown, type: GraphQLInputType, depth: number): void => {
      if (value === null || value === undefined || depth > 20) return;
      const t = getNullableType(type);
      if (isListType(t)) {
        if (Array.isArray(value)) for (const v of value) fromInput(v, t.ofType, depth + 1);
        else fromInput(value, t.ofType, depth + 1);
      } else if (isInputObjectType(t)) {
        if (typeof value !== 'object') return;
        for (const f of Object.values(t.getFields())) fromInput((value as Record<string, unknown>)[f.name], f.type, depth + 1);
      } else if (isScalarType(t) && t.name === CITIZEN_ID_SCALAR) {
        add(value);
      }
    };

    const fromOutput = (value: unknown, type: GraphQLOutputType, selections: SelectionSetNode | undefined, depth: number): void => {
      if (value === null || value === undefined || depth > 64) return;
      const t = getNullableType(type);
      if (isListType(t)) {
        if (Array.isArray(value)) for (const v of value) fromOutput(v, t.ofType, selections, depth + 1);
        return;
      }
      const named = getNamedType(t);
      if (isScalarType(named)) {
        if (named.name === CITIZEN_ID_SCALAR) add(value);
        return;
      }
      if (isCompositeType(named) && selections && typeof value === 'object') visit(selections, named, value as Record<string, unknown>, depth + 1);
    };

    const visit = (set: SelectionSetNode, parent: GraphQLCompositeType, value: Record<string, unknown> | undefined, depth: number): void => {
      // Abstract parents: the object's own __typename (when selected) tells which fields apply.
      const concrete =
        !isObjectType(parent) && value && typeof value.__typename === 'string' ? op.schema.getType(value.__typename) : undefined;
      const fieldsOf = isObjectType(concrete) ? concrete : parent;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          const def = isObjectType(fieldsOf) || isInterfaceType(fieldsOf) ? fieldsOf.getFields()[sel.name.value] : undefined;
          if (!def) continue;
          for (const arg of sel.arguments ?? []) {
            const argDef = def.args.find((a) => a.name === arg.name.value);
            if (argDef) fromInput(valueFromAST(arg.value, argDef.type, variables), argDef.type, 0);
          }
          if (value) fromOutput(value[sel.alias?.value ?? sel.name.value], def.type, sel.selectionSet, depth);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const cond = sel.typeCondition ? op.schema.getType(sel.typeCondition.name.value) : parent;
          if (isCompositeType(cond)) visit(sel.selectionSet, cond, value, depth);
        } else {
          const fragment = fragments.get(sel.name.value);
          const cond = fragment ? op.schema.getType(fragment.typeCondition.name.value) : undefined;
          if (fragment && isCompositeType(cond) && depth < 64) visit(fragment.selectionSet, cond, value, depth + 1);
        }
      }
    };

    const data = op.data !== null && typeof op.data === 'object' ? (op.data as Record<string, unknown>) : undefined;
    visit(operation.selectionSet, root, data, 0);
  } catch {
    // The audit must be written even when the operation was too broken to walk; what was found so far stands.
  }
  return [...found];
}
