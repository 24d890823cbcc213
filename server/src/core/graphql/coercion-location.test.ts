import { describe, expect, it } from 'vitest';
import { coercionLocation } from './errors.js';

describe('coercionLocation', () => {
  it('names the field, and the index of a batch item, from graphql-js coercion messages', () => {
    expect(
      coercionLocation(
        'Variable "$input" got invalid value 1.5 at "input.inputTokens"; Int cannot represent non-integer value: 1.5',
      ),
    ).toEqual({ field: 'inputTokens' });
    expect(
      coercionLocation(
        'Variable "$inputs" got invalid value "FOO" at "inputs[3].service"; Value "FOO" does not exist in "Service" enum.',
      ),
    ).toEqual({ field: 'service', index: 3 });
    expect(
      coercionLocation(
        'Variable "$input" got invalid value { service: "OPENAI" }; Field "requestId" of required type "String!" was not provided.',
      ),
    ).toEqual({ field: 'requestId' });
    expect(
      coercionLocation(
        'Variable "$inputs" got invalid value { foo: 1 } at "inputs[0]"; Field "foo" is not defined by type "RecordUsageInput".',
      ),
    ).toEqual({ field: 'foo', index: 0 });
    expect(
      coercionLocation(
        'Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"',
      ),
    ).toEqual({ field: 'first' });
  });

  it('is not fooled by a path-like text inside the printed value', () => {
    const message =
      'Variable "$input" got invalid value { model: "a at \\"input.tenantId\\"; b", inputTokens: -0.5 } at "input.inputTokens"; Int cannot represent non-integer value: -0.5';
    expect(coercionLocation(message)).toEqual({ field: 'inputTokens' });
  });

  it('leaves other messages alone', () => {
    expect(
      coercionLocation('Variable "$input" of required type "RecordUsageInput!" was not provided.'),
    ).toEqual({});
    expect(coercionLocation('Cannot query field "x" on type "Query".')).toEqual({});
  });
});
