import { getVariableValues } from '@graphql-tools/delegate';
import { collectSubFields } from '@graphql-tools/utils';
import {
  getNamedType,
  Kind,
  parse,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** Prefix of the response keys the gateway adds for its own needs, so they never meet a client's alias. */
export const INTERNAL_ALIAS = 'asxh_';

/** A selection set from GraphQL text, e.g. `{ fullName area { code } }`. */
export function selections(text: string): readonly SelectionNode[] {
  return (parse(`{ ${text} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections;
}

/** `alias: name { … }` as a node. */
export function fieldNode(name: string, opts: { alias?: string; selections?: readonly SelectionNode[] } = {}): FieldNode {
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    ...(opts.alias ? { alias: { kind: Kind.NAME, value: opts.alias } } : {}),
    ...(opts.selections ? { selectionSet: selectionSet(opts.selections) } : {}),
  };
}

export const selectionSet = (nodes: readonly SelectionNode[]): SelectionSetNode => ({ kind: Kind.SELECTION_SET, selections: nodes });

/**
 * The client's fields of `type` below `nodes`, fragments expanded and @skip/@include applied, by response key.
 * Field nodes keep their own sub-selections (with fragment spreads, resolved from `info.fragments`).
 */
export function fieldsBelow(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  return collectSubFields(info.schema, info.fragments, getVariableValues(info.variableValues), type, [...nodes]).fields;
}

/** The field nodes reached by following `path` (field names, under any alias) through object types. */
export function nodesAt(info: GraphQLResolveInfo, start: readonly FieldNode[], startType: GraphQLObjectType, path: readonly string[]): FieldNode[] {
  let nodes = [...start];
  let type = startType;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const group of fieldsBelow(info, type, nodes).values()) for (const n of group) if (n.name.value === name) next.push(n);
    nodes = next;
    const field = type.getFields()[name];
    if (!field) return [];
    type = getNamedType(field.type) as GraphQLObjectType;
  }
  return nodes;
}

/** True when the client selects a field of this name (under any alias) among `fields`. */
export const selects = (fields: Map<string, FieldNode[]>, name: string): boolean =>
  [...fields.values()].some((group) => group.some((n) => n.name.value === name));
