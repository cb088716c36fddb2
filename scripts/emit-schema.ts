import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emitSchemas } from './schema-files.js';

// Writes schema/<subgraph>.graphql and schema/gateway.graphql from the code (`npm run schema`).
const dir = join(process.cwd(), 'schema');
const files = await emitSchemas();
for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
console.log(`wrote ${Object.keys(files).join(', ')}`);
