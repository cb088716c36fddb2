import { isPromise, pathToArray, relocatedError } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { innerErrors } from './parts.js';

/** The error as it belongs to this field: at the field's own path, one error for an AggregateError. */
function atField(error: unknown, info: GraphQLResolveInfo): unknown {
  if (!(error instanceof Error)) return error;
  // Stitching bundles a source's errors for one field; they share the field, so the first speaks for all.
  const one = innerErrors(error).find((e) => e instanceof GraphQLError) ?? error;
  return relocatedError(one as GraphQLError, pathToArray(info.path));
}

/**
 * Gives every error that surfaces at a field that field's path. Errors of batched entity lookups arrive
 * with the path of the batch, without the list index (graphql-tools issue 2950), and graphql-js keeps a
 * path an error already has; a field's value or failure always belongs to the field itself. Mutates the
 * schema's resolvers in place (call it before deriving filtered schemas from it).
 */
export function relocateFieldErrors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        let result: unknown;
        try {
          result = resolve(source, args, context, info);
        } catch (e) {
          throw atField(e, info);
        }
        if (isPromise(result)) {
          return result.then(
            (v) => (v instanceof Error ? atField(v, info) : v),
            (e: unknown) => {
              throw atField(e, info);
            },
          );
        }
        return result instanceof Error ? atField(result, info) : result;
      };
    }
  }
}
