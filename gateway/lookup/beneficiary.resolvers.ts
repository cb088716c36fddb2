import type { IResolvers } from '@graphql-tools/utils';
import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { accessRule, isGranted } from '../../schema/index.js';
import type { AccountPart, CitizenPart, PaymentPart, RepresentativePart, RootRecord } from '../alerts/alert.types.js';
import { deriveAlerts } from '../alerts/rules.js';
import type { GatewayContext } from '../context.js';
import { decodeCursor } from './cursor.js';
import { plain, sourceUnavailableError, toPart } from './parts.js';
import { internalKey, isObj, RootLookup, type Obj } from './root-lookup.js';
import type { RootSource } from './roots.js';
import { BeneficiarySearch, type SearchArgs } from './search.js';

export const MAX_LOOKUP_IDS = 100;
export const MAX_SEARCH_PAGE = 100;

/** Beneficiary fields the gateway composes from the roots' records and the other sources. */
const COMPOSED_FIELDS = ['fullName', 'dateOfBirth', 'area', 'entitlements', 'paymentMethod', 'alerts'] as const;

export interface LookupOptions {
  readonly roots: readonly RootSource[];
  /** Today as a calendar date in Asia/Ho_Chi_Minh (for mandate expiry). */
  readonly today: () => string;
  /** The stitched schema before helper fields were hidden. */
  readonly internalSchema: () => GraphQLSchema;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Refuses a root lookup the caller's scopes do not grant, before anything is asked of a subgraph. */
function guard(context: GatewayContext, info: GraphQLResolveInfo): void {
  if (!isGranted(accessRule(info.parentType.name, info.fieldName), context.caller.scopes)) {
    throw new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
  }
}

/**
 * The lookup part of the public schema (ownership.md): `beneficiary`, `beneficiaries` and
 * `searchBeneficiaries` over both roots, and the Beneficiary fields composed at the gateway.
 */
export function beneficiaryResolvers(opts: LookupOptions): IResolvers<Obj, GatewayContext> {
  let lookup: RootLookup | undefined;
  let search: BeneficiarySearch | undefined;
  // Built on first use: they read the stitched schema, which exists only once these resolvers are in it.
  const lookupOf = () => (lookup ??= new RootLookup(opts.roots, opts.internalSchema(), new Set(COMPOSED_FIELDS)));
  const searchOf = () => (search ??= new BeneficiarySearch(lookupOf(), opts.internalSchema));

  /** Each root's record on a beneficiary (undefined, null, the record, or unavailable). */
  const records = (parent: Obj) => lookupOf().sources.map((root) => ({ root, part: toPart<RootRecord & Obj>(parent[internalKey(root.recordField)], root.source) }));
  const answeredRecord = (p: ReturnType<typeof records>[number]['part']): p is RootRecord & Obj => isObj(p) && !('unavailable' in p);

  /** The error of a composed field when none of its sources answered (the chosen root's record itself failed). */
  function noSourceAnswered(all: ReturnType<typeof records>): GraphQLError {
    const down = all.find(({ part }) => isObj(part) && 'unavailable' in part);
    return sourceUnavailableError(down?.root.source ?? all[0]!.root.source);
  }

  /** The record single-valued public fields come from: the first root holding the person that answered. */
  function primary(parent: Obj): RootRecord & Obj {
    const all = records(parent);
    const found = all.find(({ part }) => answeredRecord(part));
    if (!found) throw noSourceAnswered(all);
    return found.part as RootRecord & Obj;
  }

  /** A field the alert rules read, as fetched for them (undefined when the schema or the caller's scopes lack it). */
  const dependency = (parent: Obj, field: string) => parent[internalKey(field)];

  return {
    Query: {
      async beneficiary(_root, args: { citizenId: string }, context, info) {
        guard(context, info);
        if (context.caller.areas.length === 0) return null;
        const l = lookupOf();
        const plan = l.plan(info, info.fieldNodes, context.caller.scopes);
        const answers = await Promise.all(l.sources.map((_, r) => l.ask(r, [args.citizenId], plan, context, info)));
        return l.complete([args.citizenId], answers, plan, context, info, () => info.path)[0];
      },
      async beneficiaries(_root, args: { citizenIds: string[] }, context, info) {
        guard(context, info);
        if (args.citizenIds.length > MAX_LOOKUP_IDS) throw badInput(`citizenIds holds at most ${MAX_LOOKUP_IDS} IDs`);
        if (context.caller.areas.length === 0 || args.citizenIds.length === 0) return args.citizenIds.map(() => null);
        const l = lookupOf();
        const plan = l.plan(info, info.fieldNodes, context.caller.scopes);
        const answers = await Promise.all(l.sources.map((_, r) => l.ask(r, args.citizenIds, plan, context, info)));
        // An Error entry becomes null with its error at ["beneficiaries", i].
        return l.complete(args.citizenIds, answers, plan, context, info, (i) => ({ prev: info.path, key: i, typename: undefined }));
      },
      async searchBeneficiaries(_root, args: SearchArgs, context, info) {
        guard(context, info);
        if (args.first < 0 || args.first > MAX_SEARCH_PAGE) throw badInput(`first must be between 0 and ${MAX_SEARCH_PAGE}`);
        if (context.caller.areas.length === 0) {
          if (args.after) decodeCursor(args.after);
          return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, unavailableSources: [] };
        }
        return searchOf().page(args, context.caller, context, info);
      },
    },
    Beneficiary: {
      fullName: (p) => primary(p).fullName,
      dateOfBirth: (p) => primary(p).dateOfBirth,
      paymentMethod: (p) => primary(p).paymentMethod,
      // The code only: stitching completes name, level and province from the registry's list of units.
      area: (p) => ({ __typename: 'Area', code: (primary(p).area as { code: string }).code }),
      entitlements(p) {
        const all = records(p);
        const answered = all.filter(({ part }) => answeredRecord(part));
        if (answered.length === 0) throw noSourceAnswered(all);
        return answered.flatMap(({ part }) => plain([...(part as RootRecord & Obj).entitlements]));
      },
      alerts(p) {
        const bySource = new Map(records(p).map(({ root, part }) => [root.source, part]));
        return deriveAlerts({
          today: opts.today(),
          registry: bySource.get('LABOR_REGISTRY'),
          insurance: bySource.get('SOCIAL_INSURANCE'),
          citizen: toPart<CitizenPart>(dependency(p, 'citizen'), 'POPULATION'),
          representatives: toPart<readonly RepresentativePart[]>(dependency(p, 'representatives'), 'LABOR_REGISTRY'),
          paymentAccount: toPart<AccountPart>(dependency(p, 'paymentAccount'), 'ACCOUNT_REGISTRY'),
          payments: toPart<readonly PaymentPart[]>(dependency(p, 'payments'), 'BANK'),
        });
      },
    },
  };
}
