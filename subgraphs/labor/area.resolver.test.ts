import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { AgencyUnavailableError } from '../../adapters/shared/index.js';
import type { AreaRecord } from '../../adapters/shared/types.js';
import { AreaResolver } from './area.resolver.js';
import type { LaborContext } from './context.js';

const commune: AreaRecord = { code: '16216', name: 'Phường Hạc Thành', level: 'COMMUNE', provinceCode: '38' };
const ctxWith = (get: (code: string) => Promise<AreaRecord | null>) => ({ areas: { get } }) as unknown as LaborContext;

describe('Area fields from the registry list of units', () => {
  const resolver = new AreaResolver();

  it('name, level and province from the list', async () => {
    const ctx = ctxWith(async (code) => (code === commune.code ? commune : null));
    expect([
      await resolver.name({ code: '16216' }, ctx),
      resolver.level({ code: '16216' }),
      await resolver.province({ code: '16216' }, ctx),
      await resolver.province({ code: '38' }, ctx),
    ]).toEqual(['Phường Hạc Thành', 'COMMUNE', { code: '38' }, null]);
  });

  it('a unit is named by its code, without a province, while the list cannot be loaded; other failures propagate', async () => {
    const down = ctxWith(async () => {
      throw new AgencyUnavailableError('LABOR_REGISTRY', 'down');
    });
    const broken = ctxWith(async () => {
      throw new TypeError('bug');
    });
    expect([await resolver.name({ code: '16216' }, down), await resolver.province({ code: '16216' }, down), await resolver.name({ code: '1' }, broken).catch((e: Error) => e.name)]).toEqual([
      '16216',
      null,
      'TypeError',
    ]);
  });
});
