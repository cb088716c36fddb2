import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';

type ReferenceResolvers = Record<string, { __resolveReference: (ref: Record<string, unknown>) => unknown }>;

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external"])\n';

/**
 * Turns a type-graphql schema into a Federation v2 subgraph schema (`_service`, `_entities`). Reference
 * resolvers do no I/O and never fail (ownership.md): they return the key, and field resolvers load data.
 */
export function toSubgraphSchema(schema: GraphQLSchema, references: ReferenceResolvers): GraphQLSchema {
  const sdl = printSchemaWithDirectives(schema);
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, ref] of Object.entries(references)) resolvers[typeName] = { ...resolvers[typeName], ...ref };
  return buildSubgraphSchema([{ typeDefs: parse(LINK + sdl), resolvers: resolvers as never }]);
}

/** The SDL a subgraph publishes through `_service { sdl }`, as committed under schema/. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return LINK + printSchemaWithDirectives(schema) + '\n';
}
