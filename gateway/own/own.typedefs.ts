/** The gateway's own fields: who is calling, the scope matrix and the audit (scopes.md). */
export const gatewayOwnTypeDefs = /* GraphQL */ `
  "ISO 8601 instant with offset, e.g. '2026-11-05T08:30:00+07:00'."
  scalar DateTime

  "Who is calling, as the gateway understood the token."
  type Viewer {
    subject: String!
    clientId: String!
    scopes: [String!]!
    "Area codes the token may see; ['*'] means nationwide."
    areaCodes: [String!]!
    tokenExpiresAt: DateTime!
  }

  "One row of the field-to-scope matrix that security officers audit."
  type FieldScope {
    typeName: String!
    fieldName: String!
    "Any one of these scopes grants the field; empty means any authenticated caller."
    scopes: [String!]!
    "True when results are also limited to the caller's areas."
    areaRestricted: Boolean!
  }

  type AuditEvent {
    "Position in the hash chain, from 1."
    sequence: Int!
    at: DateTime!
    subject: String!
    clientId: String!
    operationName: String
    operationType: String!
    "Coordinates of the root fields and arguments that were touched, e.g. 'Query.beneficiary'."
    fields: [String!]!
    "Citizen IDs whose data was returned or changed."
    citizenIds: [CitizenId!]!
    outcome: String!
    "Hex SHA-256 of the previous event's hash and this event's canonical content."
    hash: String!
    previousHash: String!
    "Ties the event to the gateway's log lines (extensions.requestId of the errors, X-Request-Id); part of the hashed content."
    requestId: String!
  }

  type AuditEventEdge {
    cursor: String!
    node: AuditEvent!
  }

  type AuditEventConnection {
    edges: [AuditEventEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type AuditChainStatus {
    length: Int!
    headHash: String!
    "False when any stored event no longer matches its hash or link."
    intact: Boolean!
    "Sequence of the first event that fails verification, when not intact."
    firstBrokenSequence: Int
  }

  input AuditFilter {
    subject: String
    citizenId: CitizenId
    from: DateTime
    to: DateTime
  }

  extend type Query {
    viewer: Viewer!
    scopeMatrix: [FieldScope!]
    "Newest first; first is at most 1000."
    auditEvents(filter: AuditFilter, first: Int = 50, after: String): AuditEventConnection
    auditChainStatus: AuditChainStatus
  }
`;
