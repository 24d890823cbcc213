import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';

describe('password rules', () => {
  it('asks for 12 to 256 characters and nothing about their kind', () => {
    expect(passwordProblem('short-one-1')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('alllowercaseletters')).toBeNull();
  });

  it('refuses the common passwords of the bundled list, in any case, and the email itself', () => {
    expect(passwordProblem('password1234')).toMatch(/most common/);
    expect(passwordProblem('PASSWORDPASSWORD')).toMatch(/most common/);
    expect(passwordProblem('jane.doe.smith@example.com', 'jane.doe.smith@example.com')).toMatch(/email/);
    expect(passwordProblem('jane.doe.smith', 'Jane.Doe.Smith@example.com')).toMatch(/email/);
  });
});
