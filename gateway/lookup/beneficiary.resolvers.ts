import { delegateToSchema } from '@graphql-tools/delegate';
import type { IResolvers } from '@graphql-tools/utils';
import {
  GraphQLError,
  GraphQLList,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionNode,
} from 'graphql';
import { deriveAlerts } from '../alerts/rules.js';
import type { AccountPart, CitizenPart, PaymentPart, RepresentativePart, RootRecord } from '../alerts/alert.types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { plain, sourceUnavailableError, toPart } from './parts.js';
import type { RootSource } from './roots.js';
import type { AgencyName } from '../../schema/index.js';

export const MAX_LOOKUP_IDS = 100;
export const MAX_SEARCH_PAGE = 100;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !(v instanceof Error);
const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const ENTITLEMENT_FIELDS = 'id program category categoryName source monthlyAmount startDate endDate status insuranceCode';
const AREA_FIELDS = 'area { code name level province { code name level } }';
const RECORD_FIELDS = `fullName dateOfBirth paymentMethod ${AREA_FIELDS} entitlements { ${ENTITLEMENT_FIELDS} }`;

export interface LookupOptions {
  readonly roots: readonly RootSource[];
  /** Today as a calendar date in Asia/Ho_Chi_Minh (for mandate expiry). */
  readonly today: () => string;
  /** The stitched schema before helper fields were hidden (its helper types delegate search pages). */
  readonly internalSchema: () => import('graphql').GraphQLSchema;
}

/** One root's answer for a list of IDs: items, or the error that stands for all of them. */
type RootAnswer = { ok: true; items: unknown[] } | { ok: false; source: AgencyName };

/** A root that did not answer degrades to SOURCE_UNAVAILABLE; any other failure is a bug and propagates. */
function failure(error: unknown, source: AgencyName): RootAnswer {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (code === 'SOURCE_UNAVAILABLE' || error === null || error === undefined) return { ok: false, source };
  throw error;
}

/**
 * Lookups over both roots, composed fields and alerts (ownership.md). Both roots are asked in parallel with
 * the client's selection; a person is taken from the first root that holds them, and the other roots'
 * records are attached so composed fields need no second round to them.
 */
export function beneficiaryResolvers(opts: LookupOptions): IResolvers {
  const { roots } = opts;
  const recordSelection = roots.map((r) => `${r.recordField} { ${RECORD_FIELDS} }`).join(' ');

  /** Asks every root for these IDs with the caller's selection, in parallel. */
  async function askRoots(ids: string[], context: Record<string, any>, info: GraphQLResolveInfo, beneficiaryType: GraphQLObjectType): Promise<RootAnswer[]> {
    return Promise.all(
      roots.map(async (root): Promise<RootAnswer> => {
        try {
          const items = await delegateToSchema({
            schema: root.subschema,
            operation: OperationTypeNode.QUERY,
            fieldName: root.lookupField,
            args: { citizenIds: ids },
            context,
            info,
            returnType: new GraphQLList(beneficiaryType),
          });
          if (Array.isArray(items)) return { ok: true, items };
          return failure(items, root.source);
        } catch (e) {
          return failure(e, root.source);
        }
      }),
    );
  }

  /** Picks one entity per index and attaches the other roots' records (or their failure). */
  function pick(answers: RootAnswer[], index: number): Obj | Error | null {
    let chosen: Obj | undefined;
    let chosenRoot = -1;
    answers.forEach((a, i) => {
      const item = a.ok ? a.items[index] : undefined;
      if (!chosen && isObj(item)) {
        chosen = item;
        chosenRoot = i;
      }
    });
    if (!chosen) {
      const failed = answers.find((a): a is { ok: false; source: AgencyName } => !a.ok);
      return failed ? sourceUnavailableError(failed.source) : null;
    }
    answers.forEach((a, i) => {
      if (i === chosenRoot) return;
      const field = roots[i]!.recordField;
      if (!a.ok) chosen![field] = sourceUnavailableError(a.source);
      else if (a.items[index] === null) chosen![field] = null;
      else if (isObj(a.items[index]) && field in (a.items[index] as Obj)) chosen![field] = (a.items[index] as Obj)[field];
    });
    return chosen;
  }

  const beneficiaryTypeOf = (info: GraphQLResolveInfo) => info.schema.getType('Beneficiary') as GraphQLObjectType;

  /** Reads both roots' records from a parent; `undefined` entries were not requested. */
  const records = (parent: Obj) =>
    roots.map((r) => ({ root: r, part: toPart<Obj>(parent[r.recordField], r.source) }));

  /** The record public single-valued fields come from: the first root holding the person. */
  function primary(parent: Obj): Obj {
    const parts = records(parent);
    for (const { part } of parts) if (isObj(part) && !('unavailable' in part)) return part;
    const down = parts.find(({ part }) => isObj(part) && 'unavailable' in part);
    throw sourceUnavailableError(down ? down.root.source : roots[0]!.source);
  }

  return {
    Query: {
      async beneficiary(_root: unknown, args: { citizenId: string }, context: Record<string, any>, info: GraphQLResolveInfo) {
        const answers = await askRoots([args.citizenId], context, info, beneficiaryTypeOf(info));
        const one = pick(answers, 0);
        if (one instanceof Error) throw one;
        return one;
      },
      async beneficiaries(_root: unknown, args: { citizenIds: string[] }, context: Record<string, any>, info: GraphQLResolveInfo) {
        if (args.citizenIds.length > MAX_LOOKUP_IDS) throw badInput(`citizenIds holds at most ${MAX_LOOKUP_IDS} IDs`);
        if (args.citizenIds.length === 0) return [];
        const answers = await askRoots(args.citizenIds, context, info, beneficiaryTypeOf(info));
        // An Error item becomes null with the error at ["beneficiaries", i] (graphql-js completes it so).
        return args.citizenIds.map((_, i) => pick(answers, i));
      },
      async searchBeneficiaries(
        _root: unknown,
        args: { filter: Obj; first: number; after?: string | null },
        context: Record<string, any>,
        info: GraphQLResolveInfo,
      ) {
        if (args.first < 0 || args.first > MAX_SEARCH_PAGE) throw badInput(`first must be between 0 and ${MAX_SEARCH_PAGE}`);
        const afterCitizenId = args.after ? decodeCursor(args.after) : null;
        const nodeSelections = selectionsAt(info, info.fieldNodes, ['edges', 'node']);
        const pages = await Promise.all(
          roots.map(async (root) => {
            try {
              const pageType = opts.internalSchema().getType(root.searchPageType);
              const page = await delegateToSchema({
                schema: root.subschema,
                operation: OperationTypeNode.QUERY,
                fieldName: root.searchField,
                args: { filter: args.filter, first: args.first + 1, afterCitizenId },
                context,
                info,
                fieldNodes: [searchFieldNode(root.searchField, nodeSelections)],
                ...(pageType ? { returnType: pageType as GraphQLObjectType } : {}),
              });
              if (!isObj(page) || !Array.isArray(page.items)) return { root, ok: false as const };
              return { root, ok: true as const, items: page.items.filter(isObj), totalCount: Number(page.totalCount) };
            } catch {
              return { root, ok: false as const };
            }
          }),
        );
        const byId = new Map<string, Obj>();
        for (const page of pages) {
          if (!page.ok) continue;
          for (const item of page.items) {
            const id = String(item.citizenId);
            const held = byId.get(id);
            if (!held) byId.set(id, item);
            else if (page.root.recordField in item) held[page.root.recordField] = item[page.root.recordField];
          }
        }
        const ordered = [...byId.keys()].sort();
        const pageIds = ordered.slice(0, args.first);
        const answered = pages.filter((p) => p.ok);
        return {
          edges: pageIds.map((id) => ({ cursor: encodeCursor(id), node: byId.get(id) })),
          pageInfo: { hasNextPage: ordered.length > args.first, endCursor: pageIds.length ? encodeCursor(pageIds[pageIds.length - 1]!) : null },
          // People on both roots are counted once only within the fetched window; see README (search totals).
          totalCount: answered.reduce((n, p) => n + (p.ok ? p.totalCount : 0), 0),
          unavailableSources: pages.filter((p) => !p.ok).map((p) => p.root.source),
        };
      },
    },
    Beneficiary: {
      fullName: { selectionSet: `{ ${roots.map((r) => `${r.recordField} { fullName }`).join(' ')} }`, resolve: (p: Obj) => primary(p).fullName },
      dateOfBirth: { selectionSet: `{ ${roots.map((r) => `${r.recordField} { dateOfBirth }`).join(' ')} }`, resolve: (p: Obj) => primary(p).dateOfBirth },
      paymentMethod: { selectionSet: `{ ${roots.map((r) => `${r.recordField} { paymentMethod }`).join(' ')} }`, resolve: (p: Obj) => primary(p).paymentMethod },
      area: { selectionSet: `{ ${roots.map((r) => `${r.recordField} { ${AREA_FIELDS} }`).join(' ')} }`, resolve: (p: Obj) => plain(primary(p).area) },
      entitlements: {
        selectionSet: `{ ${roots.map((r) => `${r.recordField} { entitlements { ${ENTITLEMENT_FIELDS} } }`).join(' ')} }`,
        resolve(p: Obj) {
          const parts = records(p);
          const answered = parts.filter(({ part }) => part !== undefined && !(isObj(part) && 'unavailable' in part));
          if (answered.length === 0 && parts.some(({ part }) => isObj(part) && 'unavailable' in part)) {
            throw sourceUnavailableError(parts.find(({ part }) => isObj(part))!.root.source);
          }
          return answered.flatMap(({ part }) => {
            const list = isObj(part) ? (part as Obj).entitlements : undefined;
            return Array.isArray(list) ? plain(list) : [];
          });
        },
      },
      alerts: {
        selectionSet: `{ ${recordSelection} citizen { fullName dateOfBirth vitalStatus dateOfDeath } representatives { role fullName validUntil } }`,
        resolve(p: Obj) {
          const byRoot = Object.fromEntries(records(p).map(({ root, part }) => [root.source, part]));
          return deriveAlerts({
            today: opts.today(),
            registry: byRoot.LABOR_REGISTRY as never,
            insurance: byRoot.SOCIAL_INSURANCE as never,
            citizen: toPart<CitizenPart>(p.citizen, 'POPULATION'),
            representatives: toPart<readonly RepresentativePart[]>(p.representatives, 'LABOR_REGISTRY'),
            paymentAccount: toPart<AccountPart>(p.paymentAccount, 'ACCOUNT_REGISTRY'),
            payments: toPart<readonly PaymentPart[]>(p.payments, 'BANK'),
          } satisfies Parameters<typeof deriveAlerts>[0] as never);
        },
      },
    },
  };
}

/** Selections found by walking `path` (fields by name, through inline fragments and spreads) below `nodes`. */
function selectionsAt(info: GraphQLResolveInfo, nodes: readonly FieldNode[], path: readonly string[]): SelectionNode[] {
  let current: readonly SelectionNode[] = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  for (const name of path) {
    const next: SelectionNode[] = [];
    const visit = (sels: readonly SelectionNode[]) => {
      for (const s of sels) {
        if (s.kind === Kind.FIELD && s.name.value === name) next.push(...(s.selectionSet?.selections ?? []));
        else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
        else if (s.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[s.name.value]?.selectionSet.selections ?? []);
      }
    };
    visit(current);
    current = next;
  }
  return [...current];
}

/** `searchField(...) { items { <node selections> } totalCount }` for delegation. */
function searchFieldNode(fieldName: string, nodeSelections: SelectionNode[]): FieldNode {
  const field = (name: string, selections?: SelectionNode[]): FieldNode => ({
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  });
  const items = nodeSelections.length ? nodeSelections : [field('citizenId')];
  return field(fieldName, [field('items', [field('citizenId'), ...items]), field('totalCount')]);
}
