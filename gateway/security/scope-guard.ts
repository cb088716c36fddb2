import {
  defaultFieldResolver,
  GraphQLError,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { accessRule, isGranted, type AccessRule } from '../../schema/index.js';

/** What the guard needs to know about the caller of a request. */
export interface AccessCaller {
  readonly scopes: ReadonlySet<string>;
  readonly areas: readonly string[];
}

/** Area-restricted roots whose out-of-area answer is FORBIDDEN rather than absent (scopes.md §Areas). */
const FORBIDDEN_OUT_OF_AREA: ReadonlySet<string> = new Set(['Query.disbursementSummary']);

/**
 * scopes.md's argument limits of the area-restricted roots. Checked before the no-area shortcut too, so a caller
 * with no areas gets the same BAD_USER_INPUT as everyone else rather than an "absent" answer.
 */
const ARG_LIMITS: Readonly<Record<string, { readonly list?: readonly [string, number]; readonly first?: number }>> = {
  'Query.beneficiaries': { list: ['citizenIds', 100] },
  'Query.searchBeneficiaries': { first: 100 },
  'Query.payments': { first: 500 },
};

function checkArgLimits(coordinate: string, args: Record<string, unknown>): void {
  const limits = ARG_LIMITS[coordinate];
  if (!limits) return;
  const bad = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
  if (limits.list) {
    const [name, max] = limits.list;
    if (Array.isArray(args[name]) && (args[name] as unknown[]).length > max) throw bad(`${name} holds at most ${max} items`);
  }
  if (limits.first !== undefined) {
    const first = args.first;
    if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > limits.first) throw bad(`first must be a whole number from 0 to ${limits.first}`);
  }
}

/** The error of a field the caller's scopes do not grant (null at its path, the rest of the answer stands). */
export const forbiddenError = (): GraphQLError => new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });

/**
 * Enforces the access-rule rows of every root field at the gateway, in place on the public schema: a root field
 * the caller's scopes do not grant is FORBIDDEN before its resolver runs, so no subgraph is asked; an
 * area-restricted query asked by a caller with no areas answers as absent without asking anyone. Fields below
 * the roots are enforced by the subgraphs that resolve them (architecture.md, "scopes are enforced where the
 * data is fetched").
 */
export function enforceRootAccess(schema: GraphQLSchema, callerOf: (context: unknown) => AccessCaller | undefined): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    const isQuery = root === schema.getQueryType();
    for (const field of Object.values(root.getFields())) {
      const coordinate = `${root.name}.${field.name}`;
      const rule = accessRule(root.name, field.name);
      const original = field.resolve ?? defaultFieldResolver;
      const noAreas = isQuery && rule.areaRestricted ? absentAnswer(coordinate, field) : undefined;
      field.resolve = (source, args, context, info) => {
        const caller = callerOf(context);
        if (!caller || !allows(rule, caller)) throw forbiddenError();
        checkArgLimits(coordinate, args);
        if (noAreas && caller.areas.length === 0) return noAreas(args);
        return original(source, args, context, info);
      };
    }
  }
  return schema;
}

const allows = (rule: AccessRule, caller: AccessCaller): boolean => isGranted(rule, caller.scopes);

/**
 * What an area-restricted query answers when the caller may see no area at all, shaped like "absent": null, an
 * empty list, one null per asked ID, or an empty connection.
 */
function absentAnswer(coordinate: string, field: GraphQLField<unknown, unknown>): (args: Record<string, unknown>) => unknown {
  if (FORBIDDEN_OUT_OF_AREA.has(coordinate)) {
    return () => {
      throw forbiddenError();
    };
  }
  const type = getNullableType(field.type);
  if (isListType(type)) {
    const perId = field.args.find((a) => isListType(getNullableType(a.type)));
    if (perId && !isNonNullType(type.ofType)) {
      return (args) => (Array.isArray(args[perId.name]) ? (args[perId.name] as unknown[]).map(() => null) : []);
    }
    return () => [];
  }
  if (isObjectType(type) && 'edges' in type.getFields()) {
    const fields = type.getFields();
    return () => ({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
      ...('unavailableSources' in fields ? { unavailableSources: [] } : {}),
    });
  }
  return () => null;
}
