import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { accessRule } from '../../schema/index.js';

/** One row of `scopeMatrix` (the contract's FieldScope). */
export interface FieldScopeRow {
  readonly typeName: string;
  readonly fieldName: string;
  readonly scopes: readonly string[];
  readonly areaRestricted: boolean;
}

/**
 * The field-to-scope matrix of a schema: one row per field of every object type (introspection types aside),
 * read from the same access-rule table the gateway and the subgraphs enforce. Query and Mutation come first,
 * then the other types by name; fields keep their schema order.
 */
export function buildScopeMatrix(schema: GraphQLSchema): FieldScopeRow[] {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  const others = Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !roots.includes(t))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...roots, ...others].flatMap((type) =>
    Object.values(type.getFields()).map((field) => {
      const rule = accessRule(type.name, field.name);
      return Object.freeze({ typeName: type.name, fieldName: field.name, scopes: [...rule.scopes], areaRestricted: rule.areaRestricted });
    }),
  );
}
