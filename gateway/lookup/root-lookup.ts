import { delegateToSchema, resolveExternalValue } from '@graphql-tools/delegate';
import {
  getNamedType,
  GraphQLError,
  GraphQLList,
  isListType,
  getNullableType,
  OperationTypeNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { accessRule, isGranted, type AgencyName } from '../../schema/index.js';
import type { GatewayContext } from '../context.js';
import { innerErrors, sourceUnavailableError } from './parts.js';
import type { RootSource } from './roots.js';
import { fieldNode, fieldsBelow, INTERNAL_ALIAS, selections, selectionSet, selects } from './selection.js';

export type Obj = Record<string, unknown>;
/** The gateway's per-request context, handed on to the subgraph executors. */
export type Context = GatewayContext;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !(v instanceof Error) && !Array.isArray(v);

/** What every root's record carries for the composed fields and the alert rules. */
const RECORD_SELECTION = selections(
  'fullName dateOfBirth sex paymentMethod area { code } entitlements { id program category categoryName source monthlyAmount startDate endDate status insuranceCode }',
);

/** Fields the alert rules read, beyond the roots' records; each is fetched only when it exists in the schema. */
const ALERT_DEPENDENCIES: readonly { readonly field: string; readonly subfields: readonly string[] }[] = [
  { field: 'citizen', subfields: ['fullName', 'dateOfBirth', 'vitalStatus', 'dateOfDeath'] },
  { field: 'representatives', subfields: ['role', 'citizenId', 'fullName', 'validUntil'] },
  { field: 'paymentAccount', subfields: ['method', 'status', 'accountHolderName', 'recipientRole', 'recipientCitizenId'] },
  { field: 'payments', subfields: ['period', 'status', 'method', 'statusReason'] },
];

type Path = GraphQLResolveInfo['path'];

/** Response key under which a root's record, or a field the alert rules read, arrives on a beneficiary. */
export const internalKey = (field: string): string => INTERNAL_ALIAS + field;

/** A root with what the lookup derives from its subgraph schema. */
interface PreparedRoot extends RootSource {
  /** Beneficiary fields this root's subgraph resolves (the key aside), with whether each is a list. */
  readonly owned: ReadonlyMap<string, boolean>;
}

/** The alert rules' view of one dependency: where it comes from and under which key it arrives. */
interface AlertDependency {
  readonly field: string;
  readonly key: string;
  readonly node: FieldNode;
  /** The root that owns the field, or undefined for other subgraphs (population, accounts, payments). */
  readonly root: PreparedRoot | undefined;
}

/** One request's split of the client's Beneficiary selection. */
export interface LookupPlan {
  /** Per root (same order as the roots): what to ask that root for each person. */
  readonly rootSelections: readonly (readonly SelectionNode[])[];
  /** Per root: response keys it answers and whether each is a list (to fill in for people it does not hold). */
  readonly rootKeys: readonly (readonly { readonly key: string; readonly list: boolean }[])[];
  /** Everything else, completed through the other subgraphs once a person's root is known. */
  readonly rest: FieldNode;
}

/**
 * One root's answer for a set of IDs: per ID its entity, `null` where it does not hold the person, or the
 * error of a part that failed; or the failure of the whole answer.
 */
export type RootAnswer =
  | { readonly ok: true; readonly byId: ReadonlyMap<string, Obj | Error | null> }
  | { readonly ok: false; readonly source: AgencyName };

/** A root that did not answer degrades to SOURCE_UNAVAILABLE; any other failure (FORBIDDEN, a bug) propagates. */
export function rootFailure(error: unknown, source: AgencyName): RootAnswer {
  if (error === null || error === undefined) return { ok: false, source };
  const unavailable = error instanceof Error && innerErrors(error).every((e) => (e as GraphQLError).extensions?.code === 'SOURCE_UNAVAILABLE');
  if (unavailable) return { ok: false, source };
  throw error;
}

/**
 * The lookup of beneficiaries by ID over both roots (ownership.md). Each root is asked, in parallel, only for
 * the fields it owns (its record, and for the registry the representatives); a person is taken from the
 * first root holding them, the other roots' answers are attached (so composed fields need no second round),
 * and the fields of the other subgraphs (citizen, accounts, payments) are completed for every person at once:
 * one batched entity request per subgraph, whatever the number of people.
 */
export class RootLookup {
  private readonly roots: readonly PreparedRoot[];
  private readonly dependencies: readonly AlertDependency[];
  private readonly rootOwned: ReadonlySet<string>;

  constructor(
    roots: readonly RootSource[],
    schema: GraphQLSchema,
    /** Beneficiary fields the gateway computes itself (never sent to a subgraph). */
    private readonly composed: ReadonlySet<string>,
  ) {
    this.roots = roots.map((r) => {
      const type = r.subschema.schema.getType('Beneficiary') as GraphQLObjectType;
      const owned = new Map<string, boolean>();
      for (const f of Object.values(type.getFields())) if (f.name !== 'citizenId') owned.set(f.name, isListType(getNullableType(f.type)));
      return { ...r, owned };
    });
    this.rootOwned = new Set(this.roots.flatMap((r) => [...r.owned.keys()]));
    const beneficiary = schema.getType('Beneficiary') as GraphQLObjectType;
    this.dependencies = ALERT_DEPENDENCIES.flatMap(({ field, subfields }) => {
      const def = beneficiary.getFields()[field];
      if (!def) return [];
      const target = getNamedType(def.type) as GraphQLObjectType;
      const present = subfields.filter((s) => target.getFields()[s]);
      const key = internalKey(field);
      return [{ field, key, node: fieldNode(field, { alias: key, selections: present.map((s) => fieldNode(s)) }), root: this.roots.find((r) => r.owned.has(field)) }];
    });
  }

  /** The roots, in the order they are asked and preferred. */
  get sources(): readonly RootSource[] {
    return this.roots;
  }

  /**
   * Splits the client's selection on Beneficiary (the field nodes whose sub-selection it is). What the alert
   * rules read is added only when alerts are selected, and only what the caller's scopes grant: the owning
   * subgraph would refuse the rest, and the rules stay silent about it anyway.
   */
  plan(info: GraphQLResolveInfo, nodes: readonly FieldNode[], scopes: ReadonlySet<string>): LookupPlan {
    const type = info.schema.getType('Beneficiary') as GraphQLObjectType;
    const fields = fieldsBelow(info, type, nodes);
    const clientNodes = [...fields.values()].flat();
    const deps = selects(fields, 'alerts') ? this.dependencies.filter((d) => isGranted(accessRule('Beneficiary', d.field), scopes)) : [];
    const rootSelections = this.roots.map((root) => [
      fieldNode('citizenId'),
      fieldNode(root.recordField, { alias: internalKey(root.recordField), selections: RECORD_SELECTION }),
      ...clientNodes.filter((n) => root.owned.has(n.name.value)),
      ...deps.filter((d) => d.root === root).map((d) => d.node),
    ]);
    const rootKeys = rootSelections.map((sels, i) => {
      const root = this.roots[i]!;
      return sels.flatMap((s) => {
        const n = s as FieldNode;
        if (n.name.value === 'citizenId') return [];
        return [{ key: n.alias?.value ?? n.name.value, list: root.owned.get(n.name.value) ?? false }];
      });
    });
    const rest = clientNodes.filter((n) => !this.composed.has(n.name.value) && !this.rootOwned.has(n.name.value));
    return {
      rootSelections,
      rootKeys,
      // Only its selection counts: it stands for the Beneficiary selection in the merge planner's `info`.
      rest: fieldNode('beneficiary', { selections: [fieldNode('citizenId'), ...rest, ...deps.filter((d) => !d.root).map((d) => d.node)] }),
    };
  }

  /** Asks one root for these people (its own fields only: nothing is merged from other subgraphs yet). */
  async ask(rootIndex: number, ids: readonly string[], plan: LookupPlan, context: Context, info: GraphQLResolveInfo): Promise<RootAnswer> {
    const root = this.roots[rootIndex]!;
    try {
      const items = await delegateToSchema({
        schema: root.subschema,
        operation: OperationTypeNode.QUERY,
        fieldName: root.lookupField,
        args: { citizenIds: ids },
        selectionSet: selectionSet(plan.rootSelections[rootIndex]!),
        context,
        info,
        returnType: new GraphQLList(info.schema.getType('Beneficiary') as GraphQLObjectType),
        skipTypeMerging: true,
      });
      if (!Array.isArray(items)) return rootFailure(items, root.source);
      return { ok: true, byId: new Map(ids.map((id, i) => [id, isObj(items[i]) ? items[i] : null])) };
    } catch (e) {
      return rootFailure(e, root.source);
    }
  }

  /**
   * One entry per ID: the person (completed by the other subgraphs), `null` when no root holds them in the
   * caller's areas, or SOURCE_UNAVAILABLE when a root that might hold them did not answer.
   */
  complete(
    ids: readonly string[],
    answers: readonly RootAnswer[],
    plan: LookupPlan,
    context: Context,
    info: GraphQLResolveInfo,
    pathOf: (index: number) => Path,
  ): (Promise<Obj> | Obj | Error | null)[] {
    const returnType = info.schema.getType('Beneficiary') as GraphQLObjectType;
    return ids.map((id, index) => {
      // Per root: its entity, null where it does not hold the person, or the error standing for its answer.
      const values = answers.map((a) => (a.ok ? (a.byId.get(id) ?? null) : sourceUnavailableError(a.source)));
      const chosen = values.findIndex(isObj);
      if (chosen < 0) return values.find((v): v is Error => v instanceof Error) ?? null;
      const person: Obj = { __typename: 'Beneficiary', citizenId: id };
      values.forEach((value, r) => {
        if (r === chosen) return;
        if (isObj(value)) Object.assign(person, value);
        else {
          // A subgraph that does not hold a person answers its fields with [] or null (ownership.md).
          for (const { key, list } of plan.rootKeys[r]!) person[key] = value instanceof Error ? value : list ? [] : null;
        }
      });
      Object.assign(person, values[chosen]);
      // The other subgraphs' fields, planned for every person alike so their entity requests batch together.
      return resolveExternalValue(
        person,
        [],
        this.roots[chosen]!.subschema,
        context,
        { ...info, fieldNodes: [plan.rest], returnType, path: pathOf(index) },
        returnType,
      ) as Promise<Obj> | Obj;
    });
  }
}
