import { delegateToSchema } from '@graphql-tools/delegate';
import { GraphQLError, OperationTypeNode, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { SOURCE_EXTENSION, type AgencyName } from '../../schema/index.js';
import { decodeCursor, encodeCursor, searchKey, type CursorState } from './cursor.js';
import { sourceUnavailableError } from './parts.js';
import { isObj, rootFailure, type Context, type LookupPlan, type Obj, type RootAnswer, type RootLookup } from './root-lookup.js';
import type { RootSource } from './roots.js';
import { fieldNode, fieldsBelow, nodesAt, selectionSet, selects } from './selection.js';

/** IDs per request when counting the people both roots match (the roots' own batch limit). */
export const OVERLAP_BATCH = 500;

export interface SearchArgs {
  readonly filter: Readonly<Record<string, unknown>>;
  readonly first: number;
  readonly after?: string | null;
}

type RootPage = { readonly ok: true; readonly items: readonly Obj[]; readonly totalCount: number } | { readonly ok: false; readonly source: AgencyName };

/**
 * `searchBeneficiaries` over both roots: each root's keyset stream (citizen-ID order, the caller's areas and
 * the filter applied by the root itself) is read from the cursor on, `first + 1` at a time, and the two are
 * merged into one ordered stream of people, so one opaque cursor serves both and every person appears once.
 * People of the page that a root's stream did not bring are asked of that root by ID in one batch, and the
 * page is completed like `beneficiaries`.
 */
export class BeneficiarySearch {
  constructor(
    private readonly lookup: RootLookup,
    /** The stitched schema with helper types (the roots' page types). */
    private readonly internalSchema: () => GraphQLSchema,
  ) {}

  /** One page of the merged stream, completed; `caller` is the verified token's areas and scopes. */
  async page(
    args: SearchArgs,
    caller: { readonly areas: readonly string[]; readonly scopes: ReadonlySet<string> },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Obj> {
    const { areas, scopes } = caller;
    const cursor: CursorState | null = args.after ? decodeCursor(args.after) : null;
    const connection = info.schema.getType('BeneficiaryConnection') as GraphQLObjectType;
    const plan = this.lookup.plan(info, nodesAt(info, info.fieldNodes, connection, ['edges', 'node']), scopes);
    const wantsTotal = selects(fieldsBelow(info, connection, info.fieldNodes), 'totalCount');
    const roots = this.lookup.sources;
    const after = cursor?.afterCitizenId ?? null;

    const pages = await Promise.all(roots.map((_, r) => this.searchRoot(r, args.filter, args.first + 1, after, plan, context, info)));
    const merged = new Set<string>();
    for (const p of pages) if (p.ok) for (const item of p.items) merged.add(String(item.citizenId));
    const ordered = [...merged].sort();
    const pageIds = ordered.slice(0, args.first);

    const key = searchKey(args.filter, areas);
    const known = cursor?.overlap?.searchKey === key ? cursor.overlap.count : undefined;
    const answered = pages.filter((p): p is Extract<RootPage, { ok: true }> => p.ok);
    // Settled at once: the count runs beside the page and its failure must not go unobserved meanwhile.
    const overlap: Promise<{ count: number | undefined } | { error: unknown }> = (
      wantsTotal && answered.length === roots.length && known === undefined
        ? this.overlap(pages as Extract<RootPage, { ok: true }>[], after === null, args.filter, context, info)
        : Promise.resolve(known)
    ).then(
      (count) => ({ count }),
      (error: unknown) => ({ error }),
    );

    const answers = await Promise.all(
      pages.map(async (p, r): Promise<RootAnswer> => {
        if (!p.ok) return p;
        const byId = new Map<string, Obj | Error | null>();
        for (const item of p.items) byId.set(String(item.citizenId), item);
        // People the other root's stream brought: ask this root by ID (it may hold them under other terms).
        const missing = pageIds.filter((id) => !byId.has(id));
        if (missing.length === 0) return { ok: true, byId };
        const asked = await this.lookup.ask(r, missing, plan, context, info);
        for (const id of missing) byId.set(id, asked.ok ? (asked.byId.get(id) ?? null) : sourceUnavailableError(asked.source));
        return { ok: true, byId };
      }),
    );
    const nodes = this.lookup.complete(pageIds, answers, plan, context, info, (i) => ({
      prev: { prev: { prev: info.path, key: 'edges', typename: 'BeneficiaryConnection' }, key: i, typename: undefined },
      key: 'node',
      typename: 'BeneficiaryEdge',
    }));
    const [people, settledCount] = await Promise.all([Promise.all(nodes), overlap]);
    // The page stands even when the people count cannot be finished: the root whose count failed is listed as
    // unavailable and totalCount covers the others (ownership.md: search answers, lists the missing root, no error).
    const countFailedSource = 'error' in settledCount ? unavailableSourceOf(settledCount.error) : undefined;
    const counted = 'error' in settledCount ? { count: undefined } : settledCount;
    // A cursor's count is the client's to tamper with: it can never exceed the smaller side.
    const overlapCount = counted.count === undefined ? undefined : Math.min(counted.count, ...answered.map((p) => p.totalCount));
    const snapshot = overlapCount === undefined ? undefined : { count: overlapCount, searchKey: key };
    const cursorOf = (id: string) => encodeCursor(snapshot ? { afterCitizenId: id, overlap: snapshot } : { afterCitizenId: id });
    return {
      edges: pageIds.map((id, i) => ({ cursor: cursorOf(id), node: people[i] })),
      pageInfo: { hasNextPage: ordered.length > args.first, endCursor: pageIds.length ? cursorOf(pageIds[pageIds.length - 1]!) : null },
      // People, not records: someone both roots match is counted once (see `overlap`).
      totalCount: countFailedSource
        ? pages.reduce((n, p, r) => n + (p.ok && roots[r]!.source !== countFailedSource ? p.totalCount : 0), 0)
        : answered.reduce((n, p) => n + p.totalCount, 0) - (answered.length === roots.length ? (overlapCount ?? 0) : 0),
      unavailableSources: [
        ...pages.filter((p): p is Extract<RootPage, { ok: false }> => !p.ok).map((p) => p.source),
        ...(countFailedSource ? [countFailedSource] : []),
      ],
    };
  }

  /** One root's stream from the cursor on, with each item's own fields (the root primes its loader with them). */
  private async searchRoot(
    r: number,
    filter: SearchArgs['filter'],
    first: number,
    afterCitizenId: string | null,
    plan: LookupPlan,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<RootPage> {
    const root = this.lookup.sources[r]!;
    try {
      const page = await delegateToSchema({
        schema: root.subschema,
        operation: OperationTypeNode.QUERY,
        fieldName: root.searchField,
        args: { filter, first, afterCitizenId },
        selectionSet: selectionSet([fieldNode('items', { selections: plan.rootSelections[r]! }), fieldNode('totalCount')]),
        context,
        info,
        returnType: this.internalSchema().getType(root.searchPageType) as GraphQLObjectType,
        skipTypeMerging: true,
      });
      if (!isObj(page) || !Array.isArray(page.items)) return rootFailure(page, root.source) as RootPage;
      return { ok: true, items: page.items.filter(isObj), totalCount: Number(page.totalCount) };
    } catch (e) {
      return rootFailure(e, root.source) as RootPage;
    }
  }

  /**
   * How many people both roots match, so that `totalCount` counts people. The roots are separate agencies
   * and neither can count the other's people, so the smaller side's matches are read as IDs, 500 at a time,
   * and the other root counts which of those it holds under the same filter. Exact; costs two requests per
   * 500 matches of the smaller side (none when either side is empty, one when the first page already holds
   * the whole smaller side), only when `totalCount` is selected, reading the next batch while counting one,
   * and the count travels in the cursors so that walking the pages pays it once. Bounded cost would need an
   * agency that knows the other's people (e.g. the registry recording its beneficiaries' BHXH codes).
   */
  private async overlap(
    pages: readonly Extract<RootPage, { ok: true }>[],
    fromStart: boolean,
    filter: SearchArgs['filter'],
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<number> {
    const roots = this.lookup.sources;
    if (roots.length !== 2 || pages.some((p) => p.totalCount === 0)) return 0;
    const small = pages[0]!.totalCount <= pages[1]!.totalCount ? 0 : 1;
    const [from, to] = [roots[small]!, roots[1 - small]!];
    const page = pages[small]!;
    const whole = fromStart && page.items.length >= page.totalCount ? page.items.map((i) => String(i.citizenId)) : null;
    let count = 0;
    let next: Promise<string[]> = whole ? Promise.resolve(whole) : this.matchIds(from, filter, null, context, info);
    for (;;) {
      const ids = await next;
      const last = whole !== null || ids.length < OVERLAP_BATCH;
      // The next batch of IDs is read while this one is counted; its failure is observed when awaited.
      if (!last) {
        next = this.matchIds(from, filter, ids[ids.length - 1]!, context, info);
        next.catch(() => undefined);
      }
      if (ids.length > 0) {
        const matched: unknown = await delegateToSchema({
          schema: to.subschema,
          operation: OperationTypeNode.QUERY,
          fieldName: to.matchCountField,
          args: { filter, citizenIds: ids },
          fieldNodes: [fieldNode(to.matchCountField)],
          context,
          info,
          returnType: info.schema.getType('Int') as never,
          skipTypeMerging: true,
        });
        if (typeof matched !== 'number') throw matched instanceof Error ? matched : new Error('overlap: no count');
        count += matched;
      }
      if (last) return count;
    }
  }

  /** One batch of a root's matching citizen IDs after `after`. */
  private async matchIds(root: RootSource, filter: SearchArgs['filter'], after: string | null, context: Context, info: GraphQLResolveInfo): Promise<string[]> {
    const page: unknown = await delegateToSchema({
      schema: root.subschema,
      operation: OperationTypeNode.QUERY,
      fieldName: root.searchField,
      args: { filter, first: OVERLAP_BATCH, afterCitizenId: after },
      selectionSet: selectionSet([fieldNode('items', { selections: [fieldNode('citizenId')] })]),
      context,
      info,
      returnType: this.internalSchema().getType(root.searchPageType) as GraphQLObjectType,
      skipTypeMerging: true,
    });
    if (!isObj(page) || !Array.isArray(page.items)) throw page instanceof Error ? page : new Error('overlap: no page');
    return page.items.filter(isObj).map((i) => String(i.citizenId));
  }
}

/** The agency a count failed for, when it failed because a source did not answer; anything else is rethrown. */
function unavailableSourceOf(error: unknown): AgencyName {
  const ext = error instanceof GraphQLError ? error.extensions : undefined;
  if (ext?.code === 'SOURCE_UNAVAILABLE' && typeof ext[SOURCE_EXTENSION] === 'string') return ext[SOURCE_EXTENSION] as AgencyName;
  throw error;
}
