import { composeSupergraph, readSubgraphSdls } from '../gateway/compose.js';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from '../gateway/subgraphs.js';

// `npm run --silent supergraph > supergraph.graphql`: the Federation v2 supergraph of the committed subgraph SDL,
// with each subgraph's URL from SUBGRAPH_<NAME>_URL (default the `npm start` ports), for any federation router.
const urls = Object.fromEntries(
  SUBGRAPHS.map((n) => [n, process.env[`SUBGRAPH_${n.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[n]}/graphql`]),
) as Record<SubgraphName, string>;
process.stdout.write(composeSupergraph(await readSubgraphSdls(process.env.SCHEMA_DIR ?? 'schema'), urls));
