import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { PopulationPerson } from '../../adapters/population/index.js';
import { isAgencyError } from '../../adapters/shared/index.js';
import { areaAllowed, CitizenIdScalar } from '../../schema/index.js';
import { Sex, VitalStatus } from '../shared/enums.js';
import { mapAgencyError } from '../shared/errors.js';
import { Beneficiary } from './beneficiary.type.js';
import { Citizen } from './citizen.type.js';
import type { PopulationContext } from './context.js';

async function load(ctx: PopulationContext, id: string): Promise<PopulationPerson | null> {
  try {
    return await ctx.loaders.citizen.load(id);
  } catch (e) {
    throw isAgencyError(e) ? mapAgencyError(e, 'POPULATION') : e;
  }
}

/** The public shape of a population record. */
export function toCitizen(p: PopulationPerson): Citizen {
  return Object.assign(new Citizen(), {
    id: p.citizenId,
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex as Sex,
    vitalStatus: p.vitalStatus as VitalStatus,
    dateOfDeath: p.dateOfDeath,
    permanentAddress: p.permanentAddress ? { area: { code: p.permanentAddress.communeCode }, line: p.permanentAddress.line } : null,
    phoneMasked: p.phoneMasked,
  });
}

@Resolver(() => Citizen)
export class CitizenResolver {
  /** A person by ID, limited to the caller's areas by permanent-address province (ownership.md, Areas). */
  @Authorized()
  @Query(() => Citizen, { nullable: true })
  async citizen(@Arg('id', () => CitizenIdScalar) id: string, @Ctx() ctx: PopulationContext): Promise<Citizen | null> {
    if (ctx.principal.areas.length === 0) return null;
    const p = await load(ctx, id);
    if (!p) return null;
    const address = p.permanentAddress;
    const visible = address ? areaAllowed(ctx.principal.areas, address.communeCode, address.provinceCode) : ctx.principal.areas.includes('*');
    return visible ? toCitizen(p) : null;
  }
}

@Resolver(() => Beneficiary)
export class BeneficiaryCitizenResolver {
  /** Reached only through a root that applied the caller's areas. */
  @Authorized()
  @FieldResolver(() => Citizen, { nullable: true })
  async citizen(@Root() b: Beneficiary, @Ctx() ctx: PopulationContext): Promise<Citizen | null> {
    const p = await load(ctx, b.citizenId);
    return p ? toCitizen(p) : null;
  }
}
