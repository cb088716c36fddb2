import type { GraphQLResolveInfo } from 'graphql';
import { accessRule, isGranted } from '../../schema/index.js';
import type { BaseContext } from './context.js';
import { forbidden } from './errors.js';

/**
 * type-graphql auth checker for `@Authorized()` fields: the access-rule table in schema/ decides, by the
 * field's coordinate, so enforcement and the gateway's scope matrix read one table. Refuses by throwing
 * FORBIDDEN, so the field is null with that code at its path and its resolver (the agency call) never runs.
 */
// An arrow function: type-graphql instantiates anything with a prototype as a checker class.
export const scopeAuthChecker = ({ context, info }: { context: BaseContext; info: GraphQLResolveInfo }): boolean => {
  if (!isGranted(accessRule(info.parentType.name, info.fieldName), context.scopes)) throw forbidden();
  return true;
};
