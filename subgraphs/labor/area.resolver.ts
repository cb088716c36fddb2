import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AreaRecord } from '../../adapters/shared/types.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { AreaLevel } from '../shared/enums.js';
import { Area } from './area.type.js';
import type { LaborContext } from './context.js';

type AreaParent = Pick<Area, 'code'>;

/**
 * The unit from the registry's list, or undefined when the list cannot be loaded. A unit's name is reference
 * data: a registry outage must not wipe every beneficiary or payment that mentions a unit (`name` is
 * non-null), so the unit is then named by its code; the outage itself shows on the registry's own fields.
 */
async function record(ctx: LaborContext, code: string): Promise<AreaRecord | null | undefined> {
  try {
    return await ctx.areas.get(code);
  } catch (e) {
    if (isAgencyError(e)) return undefined;
    throw e;
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
