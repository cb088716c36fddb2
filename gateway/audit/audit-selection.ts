import {
  getNamedType,
  Kind,
  parse,
  print,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Response key of the identifying fields the gateway adds for the audit; never shown to clients. */
export const AUDIT_ID_ALIAS = '_auditCitizenId';

/**
 * The field (or `field.subfield`) that names the person behind each object type that carries personal data. A client may read a
 * beneficiary's name without asking for their ID; the audit must still say whose data it saw.
 */
const PERSON_FIELD: Readonly<Record<string, readonly string[]>> = {
  Beneficiary: ['citizenId'],
  Citizen: ['id'],
  Representative: ['citizenId'],
  Payment: ['beneficiaryCitizenId'],
  PaymentAccountLink: ['beneficiaryCitizenId'],
  // A mutation changes someone's data even when its answer shows nothing of them (unlinking takes only a link id).
  LinkPaymentAccountPayload: ['link.beneficiaryCitizenId'],
  UnlinkPaymentAccountPayload: ['link.beneficiaryCitizenId'],
};

const aliasOf = (field: string, i: number) => (i === 0 ? AUDIT_ID_ALIAS : `${AUDIT_ID_ALIAS}${i}`);

/**
 * Adds `_auditCitizenId: <id field>` to every selection of a personal-data type, so the answer carries every
 * person it shows (collected for the audit, then stripped). Documents that do not parse or validate are returned as
 * they are.
 */
export function withAuditedIds(query: string, schema: GraphQLSchema): string {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return query;
  }
  // An invalid document is refused as sent, so its errors' locations point into the client's own text.
  if (validate(schema, document).length > 0) return query;
  const typeInfo = new TypeInfo(schema);
  let changed = false;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node: SelectionSetNode): SelectionSetNode | undefined {
          const parent = typeInfo.getParentType();
          const type = parent ? getNamedType(parent) : undefined;
          const fields = type ? PERSON_FIELD[type.name] : undefined;
          if (!fields) return undefined;
          changed = true;
          const added: FieldNode[] = fields.map((path, i) => {
            const [name, sub] = path.split('.') as [string, string | undefined];
            return {
              kind: Kind.FIELD,
              alias: { kind: Kind.NAME, value: aliasOf(name, i) },
              name: { kind: Kind.NAME, value: name },
              ...(sub ? { selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: sub } }] } } : {}),
            };
          });
          return { ...node, selections: [...node.selections, ...added] };
        },
      },
    }),
  );
  return changed ? print(rewritten) : query;
}

/** Removes the audit fields (and any error about them) from an answer. */
export function stripAuditedIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripAuditedIds) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith(AUDIT_ID_ALIAS)) continue;
    out[k] = stripAuditedIds(v);
  }
  return out as T;
}

/** True for an error that concerns only an audit field (the client never asked for it). */
export const isAuditFieldError = (error: { path?: readonly (string | number)[] }): boolean =>
  String(error.path?.[error.path.length - 1] ?? '').startsWith(AUDIT_ID_ALIAS);
