import { startStack } from './support/stack.js';

// `npm start`: mock agencies, every subgraph and the gateway as child processes on 127.0.0.1.
const started = Date.now();
const env: Record<string, string> = {};
for (const key of ['MOCK_SCALE', 'MOCK_SEED', 'MOCK_REFERENCE_DATE', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'ACCOUNTS_IMPORT']) {
  if (process.env[key]) env[key] = process.env[key]!;
}
const quiet = process.env.START_QUIET === '1';
try {
  const stack = await startStack({
    dataDir: process.env.DATA_DIR ?? '.data',
    gatewayPort: process.env.PORT ? Number(process.env.PORT) : 4000,
    // Tests run the real command beside a developer's `npm start`: any free ports, discovered from logs.
    anyPorts: process.env.ASXH_ANY_PORTS === '1',
    // Seconds to wait for each part; a million-beneficiary data set takes minutes to build and index.
    readyTimeoutMs: Number(process.env.START_TIMEOUT_MS ?? (Number(process.env.MOCK_SCALE ?? 0) > 200_000 ? 600_000 : 30_000)),
    env,
    echo: (line) => {
      if (!quiet) process.stderr.write(line + '\n');
    },
  });
  console.log('Mock agencies:');
  for (const [name, url] of Object.entries(stack.agencyUrls)) console.log(`  ${name.padEnd(17)} ${url}`);
  console.log('Subgraphs:');
  for (const [name, url] of Object.entries(stack.subgraphUrls)) console.log(`  ${name.padEnd(17)} ${url}`);
  console.log(`Gateway: ${stack.gatewayUrl}`);
  console.log(`asxh-gateway ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${stack.gatewayUrl} (period ${stack.period}); Ctrl-C stops everything`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    stack.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const child of stack.children) {
    child.process.once('exit', (code) => {
      if (!stopping) {
        console.error(`${child.name} exited (code ${code}); stopping everything`);
        stop('child exit');
      }
    });
  }
} catch (error) {
  console.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
