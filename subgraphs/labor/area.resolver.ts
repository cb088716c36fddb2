import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isAgencyError } from '../../adapters/shared/index.js';
import { AreaLevel } from '../shared/enums.js';
import { mapAgencyError } from '../shared/errors.js';
import { Area } from './area.type.js';
import type { LaborContext } from './context.js';

type AreaParent = Pick<Area, 'code'>;

async function record(ctx: LaborContext, code: string) {
  try {
    return await ctx.areas.get(code);
  } catch (e) {
    throw isAgencyError(e) ? mapAgencyError(e, 'LABOR_REGISTRY') : e;
  }
}

/** Names and levels come from the registry's list of units, whoever referenced the code. */
@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => String)
  async name(@Root() area: AreaParent, @Ctx() ctx: LaborContext): Promise<string> {
    return (await record(ctx, area.code))?.name ?? area.code;
  }

  @FieldResolver(() => AreaLevel)
  level(@Root() area: AreaParent): AreaLevel {
    return area.code.length === 2 ? AreaLevel.PROVINCE : AreaLevel.COMMUNE;
  }

  @FieldResolver(() => Area, { nullable: true })
  async province(@Root() area: AreaParent, @Ctx() ctx: LaborContext): Promise<AreaParent | null> {
    if (area.code.length === 2) return null;
    const provinceCode = (await record(ctx, area.code))?.provinceCode;
    return provinceCode ? { code: provinceCode } : null;
  }
}
