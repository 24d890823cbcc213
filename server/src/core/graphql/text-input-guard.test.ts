import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { unstorableLiteralIn, unstorableTextIn } from './text-input-guard.js';

describe('unstorable text', () => {
  it('finds NUL and unpaired surrogates in variables, naming the field and batch index', () => {
    expect(unstorableTextIn({ input: { requestId: 'a\u0000b' } })).toMatchObject({ field: 'requestId' });
    expect(unstorableTextIn({ inputs: [{ requestId: 'ok' }, { model: 'x\uD800' }] })).toMatchObject({
      field: 'model',
      index: 1,
    });
    expect(unstorableTextIn({ input: { metadata: { deep: [{ ['k\uDC00']: 1 }] } } })).toMatchObject({
      field: 'metadata',
    });
    expect(unstorableTextIn({ search: '\uDFFF' })).toMatchObject({ field: 'search' });
  });

  it('accepts well-formed text, astral characters included', () => {
    expect(
      unstorableTextIn({ input: { requestId: 'req-🙂-模-é', metadata: { note: '\u202e' } } }),
    ).toBeUndefined();
    expect(unstorableTextIn(undefined)).toBeUndefined();
  });

  it('finds them in string literals of the operation, naming the argument or input field', () => {
    expect(unstorableLiteralIn(parse('{ tenants(search: "a\\u0000") { id } }'))).toMatchObject({
      field: 'search',
    });
    // (graphql-js itself refuses unpaired surrogate escapes in literals.)
    expect(
      unstorableLiteralIn(parse('mutation { createTenant(input: { name: "x\\u0000" }) { id } }')),
    ).toMatchObject({ field: 'name' });
    expect(unstorableLiteralIn(parse('{ tenants(search: "fine 🙂") { id } }'))).toBeUndefined();
  });
});
