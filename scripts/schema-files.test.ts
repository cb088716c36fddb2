import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSchemas } from './schema-files.js';

const dir = join(import.meta.dirname, '..', 'schema');

describe('committed schema files', () => {
  it('match what the code produces (run `npm run schema` after changing a schema)', async () => {
    const files = await emitSchemas();
    if (process.env.UPDATE_SCHEMA === '1') for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    for (const [name, text] of Object.entries(files)) {
      expect(await readFile(join(dir, name), 'utf8'), name).toBe(text);
    }
  });
});
