/** The gateway's own fields: who is calling (and, with the security work, the scope matrix and the audit). */
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

  extend type Query {
    viewer: Viewer!
  }
`;
