import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, hashSecret, maskSecret } from './secrets.js';

describe('secrets', () => {
  const key = randomBytes(32);

  it('round-trips a secret and never stores it in the clear', () => {
    const sealed = encryptSecret(key, 'sk-live-canary-1234', 'tenant-a:OPENAI');
    expect(sealed.toString('utf8')).not.toContain('canary');
    expect(decryptSecret(key, sealed, 'tenant-a:OPENAI')).toBe('sk-live-canary-1234');
  });

  it('refuses a ciphertext moved to another tenant or tampered with', () => {
    const sealed = encryptSecret(key, 'sk-live-canary-1234', 'tenant-a:OPENAI');
    expect(() => decryptSecret(key, sealed, 'tenant-b:OPENAI')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptSecret(key, tampered, 'tenant-a:OPENAI')).toThrow();
  });

  it('hashes deterministically and masks to the last four', () => {
    expect(hashSecret('x').equals(hashSecret('x'))).toBe(true);
    expect(maskSecret('3f9a')).toBe('••••••••3f9a');
  });
});
