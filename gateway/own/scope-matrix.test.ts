import { buildSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { accessRule } from '../../schema/index.js';
import { buildScopeMatrix } from './scope-matrix.js';

const schema = buildSchema(/* GraphQL */ `
  scalar CitizenId
  enum Program { PENSION }
  input BeneficiaryFilter { program: Program }
  interface Node { id: ID! }
  type Citizen implements Node { id: ID! fullName: String! }
  type Beneficiary { citizenId: CitizenId! citizen: Citizen paymentAccount: PaymentAccountLink }
  type PaymentAccountLink { accountNumberMasked: String accountNumber: String }
  type Area { code: String! }
  type Query { beneficiary(citizenId: CitizenId!): Beneficiary viewer: String scopeMatrix: [String] area: Area }
  type Mutation { linkPaymentAccount: String }
`);

describe('buildScopeMatrix', () => {
  const matrix = buildScopeMatrix(schema);

  test('one row per field of every object type: roots first, then types by name; inputs, enums, scalars and interfaces have none', () => {
    expect(matrix.map((r) => `${r.typeName}.${r.fieldName}`)).toEqual([
      'Query.beneficiary',
      'Query.viewer',
      'Query.scopeMatrix',
      'Query.area',
      'Mutation.linkPaymentAccount',
      'Area.code',
      'Beneficiary.citizenId',
      'Beneficiary.citizen',
      'Beneficiary.paymentAccount',
      'Citizen.id',
      'Citizen.fullName',
      'PaymentAccountLink.accountNumberMasked',
      'PaymentAccountLink.accountNumber',
    ]);
  });

  test('every row is the access-rule table row of its field', () => {
    for (const row of matrix) {
      const rule = accessRule(row.typeName, row.fieldName);
      expect(row).toEqual({ typeName: row.typeName, fieldName: row.fieldName, scopes: [...rule.scopes], areaRestricted: rule.areaRestricted });
    }
    const pick = (coordinate: string) => matrix.find((r) => `${r.typeName}.${r.fieldName}` === coordinate);
    expect(pick('Query.beneficiary')).toEqual({ typeName: 'Query', fieldName: 'beneficiary', scopes: ['beneficiary:read'], areaRestricted: true });
    expect(pick('Query.viewer')).toEqual({ typeName: 'Query', fieldName: 'viewer', scopes: [], areaRestricted: false });
    expect(pick('Query.scopeMatrix')).toEqual({ typeName: 'Query', fieldName: 'scopeMatrix', scopes: ['audit:read'], areaRestricted: false });
    expect(pick('Beneficiary.citizen')).toEqual({ typeName: 'Beneficiary', fieldName: 'citizen', scopes: ['citizen:read'], areaRestricted: false });
    expect(pick('PaymentAccountLink.accountNumber')).toEqual({ typeName: 'PaymentAccountLink', fieldName: 'accountNumber', scopes: ['accounts:read:full'], areaRestricted: false });
    expect(pick('Mutation.linkPaymentAccount')).toEqual({ typeName: 'Mutation', fieldName: 'linkPaymentAccount', scopes: ['accounts:write'], areaRestricted: true });
  });
});
