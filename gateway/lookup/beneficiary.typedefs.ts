/** The gateway's share of the public schema for lookups: composed Beneficiary fields and the root lookups. */
export const beneficiaryTypeDefs = /* GraphQL */ `
  enum AlertCode {
    CITIZEN_NOT_FOUND
    DECEASED_WITH_ACTIVE_ENTITLEMENT
    NAME_MISMATCH
    DATE_OF_BIRTH_MISMATCH
    NO_PAYMENT_ACCOUNT
    ACCOUNT_HOLDER_MISMATCH
    ACCOUNT_CLOSED
    REPRESENTATIVE_MANDATE_EXPIRED
    UNCOLLECTED_THREE_MONTHS
    SOURCE_UNAVAILABLE
  }

  type DataAlert {
    code: AlertCode!
    source: Agency!
    message: String!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type BeneficiaryEdge {
    cursor: String!
    node: Beneficiary!
  }

  type BeneficiaryConnection {
    edges: [BeneficiaryEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
    "Roots that did not answer (LABOR_REGISTRY, SOCIAL_INSURANCE); when not empty, edges and totalCount cover only the others."
    unavailableSources: [Agency!]!
  }

  input BeneficiaryFilter {
    "A province code covers all of its communes."
    areaCode: AreaCode
    program: Program
    status: EntitlementStatus
    paymentMethod: PaymentMethod
  }

  extend type Beneficiary {
    "Name as recorded by the registry, or by social insurance for people the registry does not hold (may differ from the population database: see alerts)."
    fullName: String!
    dateOfBirth: Date!
    "The commune that manages this beneficiary's file."
    area: Area!
    "From the labor registry and the social insurance (BHXH) system together."
    entitlements: [Entitlement!]!
    "The method on file for the next payment (registry, else social insurance)."
    paymentMethod: PaymentMethod!
    "Data-quality findings across agencies; computed on read."
    alerts: [DataAlert!]!
  }

  extend type Query {
    beneficiary(citizenId: CitizenId!): Beneficiary
    "At most 100 IDs; the result has one entry per ID, in order, null where unknown or out of area."
    beneficiaries(citizenIds: [CitizenId!]!): [Beneficiary]
    "first is at most 100."
    searchBeneficiaries(filter: BeneficiaryFilter!, first: Int = 50, after: String): BeneficiaryConnection
  }
`;
