import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isAuditFieldError, stripAuditedIds, withAuditedIds } from './audit-selection.js';

const schema = buildSchema(`
  type Query { beneficiary(citizenId: String!): Beneficiary search: [Beneficiary!]! viewer: Viewer }
  type Beneficiary { citizenId: String! fullName: String! citizen: Citizen representatives: [Representative!] }
  type Citizen { id: String! fullName: String! }
  type Representative { citizenId: String! fullName: String! }
  type Viewer { subject: String! }
`);

describe('audit identifiers', () => {
  it('adds the person field to every selection of a personal-data type, fragments included', () => {
    const q = withAuditedIds('query Q { search { fullName ...F } viewer { subject } } fragment F on Beneficiary { citizen { fullName } representatives { fullName } }', schema);
    expect(q.replace(/\s+/g, ' ')).toBe(
      'query Q { search { fullName ...F _auditCitizenId: citizenId } viewer { subject } } fragment F on Beneficiary { citizen { fullName _auditCitizenId: id } representatives { fullName _auditCitizenId: citizenId } _auditCitizenId: citizenId }',
    );
  });

  it('leaves documents without personal data, and unparsable ones, untouched', () => {
    expect(withAuditedIds('{ viewer { subject } }', schema)).toBe('{ viewer { subject } }');
    expect(withAuditedIds('{ viewer {', schema)).toBe('{ viewer {');
    expect(withAuditedIds('{ search { fullName nope } }', schema)).toBe('{ search { fullName nope } }');
  });

  it('strips the added fields and their errors from the answer', () => {
    expect(stripAuditedIds({ search: [{ fullName: 'A', _auditCitizenId: '038050000101', citizen: { _auditCitizenId: '038050000101', fullName: 'A' } }] })).toEqual({
      search: [{ fullName: 'A', citizen: { fullName: 'A' } }],
    });
    expect([isAuditFieldError({ path: ['search', 0, '_auditCitizenId'] }), isAuditFieldError({ path: ['search', 0, 'fullName'] })]).toEqual([true, false]);
  });
});
