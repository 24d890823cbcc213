import { describe, expect, it } from 'vitest';
import { csvLines } from './usage-export.js';

describe('usage export CSV', () => {
  it('quotes per RFC 4180, ends every line with CRLF and leaves empty values empty', () => {
    expect(csvLines([['a,b', 'say "hi"', 'two\nlines', null, undefined, 12, 0.5, '0.0012']])).toBe(
      '"a,b","say ""hi""","two\nlines",,,12,0.5,0.0012\r\n',
    );
    expect(csvLines([['x'], ['y']])).toBe('x\r\ny\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, including a leading minus and full-width signs', () => {
    const sent = ['=HYPERLINK("http://x")', '+1+1', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\tx', '\uFF1D1+1', 'gpt-4o'];
    expect(csvLines([sent])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1+1,'-2+3+cmd|' /C calc'!A0,'@SUM(A1),'\tx,'\uFF1D1+1,gpt-4o\r\n`,
    );
    // A number stays a number, a negative one too.
    expect(csvLines([[-1.5, 0]])).toBe('-1.5,0\r\n');
  });
});
