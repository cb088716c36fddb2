import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { SUBGRAPHS, type SubgraphName } from './subgraphs.js';

/** Reads the committed subgraph SDL files (schema/<name>.graphql). */
export async function readSubgraphSdls(schemaDir: string): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(SUBGRAPHS.map(async (name) => [name, await readFile(join(schemaDir, `${name}.graphql`), 'utf8')] as const));
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

/** Composes the subgraphs into a Federation v2 supergraph; throws with every composition error. */
export function composeSupergraph(sdls: Readonly<Record<SubgraphName, string>>, urls: Readonly<Record<SubgraphName, string>>): string {
  const result = composeServices(SUBGRAPHS.map((name) => ({ name, typeDefs: parse(sdls[name]), url: urls[name] })));
  if (!result.supergraphSdl) {
    throw new Error(`supergraph composition failed:\n${(result.errors ?? []).map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}
