import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ensureInternalKey } from '../gateway/auth/index.js';
import { SUBGRAPHS } from '../gateway/subgraphs.js';
import { mintInternalCredential } from '../schema/index.js';

// `npm run --silent internal-token -- --scope "…" --areas 38 --ttl 3600`: a long-lived internal credential for
// every subgraph, to set as a static `Authorization: Bearer` header when another federation router fronts our
// subgraphs in a benchmark. Subgraphs accept it only when started with INTERNAL_MAX_TTL_S ≥ its lifetime.
try {
  const { values } = parseArgs({
    options: {
      scope: { type: 'string', default: '' },
      areas: { type: 'string', default: '*' },
      sub: { type: 'string', default: 'benchmark' },
      client: { type: 'string', default: 'benchmark-router' },
      ttl: { type: 'string', default: '3600' },
    },
    strict: true,
  });
  const ttl = Number(values.ttl);
  if (!Number.isSafeInteger(ttl) || ttl < 1) throw new Error('--ttl must be a positive whole number of seconds');
  const key = await ensureInternalKey(process.env.INTERNAL_KEY_DIR ?? process.env.DATA_DIR ?? '.data');
  const token = await mintInternalCredential(
    key.privateKey,
    {
      subject: values.sub,
      clientId: values.client,
      scopes: values.scope.split(' ').filter(Boolean),
      areas: values.areas.split(',').map((a) => a.trim()).filter(Boolean),
      requestId: `bench-${randomUUID()}`,
    },
    SUBGRAPHS,
    new Date(),
    ttl,
  );
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`internal-token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
