import { buildSchema, graphql, GraphQLError, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { relocateFieldErrors } from './error-paths.js';

// Batched entity lookups hand errors over with the batch's path, without the list index (graphql-tools 2950).
const wrongPath = () => new GraphQLError('POPULATION is unavailable', { path: ['people', 'citizen'], extensions: { code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' } });

function schema() {
  const s = buildSchema('type Citizen { id: ID } type Person { id: ID citizen: Citizen late: Citizen bundled: Citizen } type Query { people: [Person] }');
  (s.getQueryType()!.getFields().people!).resolve = () => [{ id: '1', citizen: wrongPath() }, { id: '2', citizen: wrongPath() }];
  const person = (s.getType('Person') as GraphQLObjectType).getFields();
  person.late!.resolve = async () => {
    throw wrongPath();
  };
  person.bundled!.resolve = () => new AggregateError([wrongPath(), wrongPath()], 'two');
  relocateFieldErrors(s);
  return s;
}

describe('relocateFieldErrors', () => {
  it('puts an error held as a field value, thrown or rejected at that field, at the field\'s own path', async () => {
    const result = await graphql({ schema: schema(), source: '{ people { id citizen { id } late { id } } }' });
    expect([result.data, result.errors?.map((e) => [e.path, e.extensions.code, e.extensions.source])]).toEqual([
      { people: [{ id: '1', citizen: null, late: null }, { id: '2', citizen: null, late: null }] },
      [
        [['people', 0, 'citizen'], 'SOURCE_UNAVAILABLE', 'POPULATION'],
        [['people', 1, 'citizen'], 'SOURCE_UNAVAILABLE', 'POPULATION'],
        [['people', 0, 'late'], 'SOURCE_UNAVAILABLE', 'POPULATION'],
        [['people', 1, 'late'], 'SOURCE_UNAVAILABLE', 'POPULATION'],
      ],
    ]);
  });

  it('answers a bundle of one source\'s errors for a field with one error that keeps its code', async () => {
    const result = await graphql({ schema: schema(), source: '{ people { bundled { id } } }' });
    expect(result.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
      [['people', 0, 'bundled'], 'SOURCE_UNAVAILABLE'],
      [['people', 1, 'bundled'], 'SOURCE_UNAVAILABLE'],
    ]);
  });
});
