import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const KEY = 'ab'.repeat(32);
const load = (env: Record<string, string>) => loadConfig({ MASTER_KEY: KEY, ...env });

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = load({});
    expect(config).toMatchObject({ PORT: 4000, DATABASE_POOL_SIZE: 16, USAGE_LOG_RETENTION_DAYS: 90, TRUST_PROXY: false, DEMO_DATA: false });
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses, ranges and names', () => {
    expect(load({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(load({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(load({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('stops with one line naming the variable for a bad value', () => {
    const reason = (env: Record<string, string>) => {
      try {
        load(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(reason({ TRUST_PROXY: 'everyone' })).toMatch(/^Invalid configuration: TRUST_PROXY .*"everyone"/);
    expect(reason({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/^Invalid configuration: TRUST_PROXY /);
    expect(reason({ PORT: 'eighty' })).toMatch(/^Invalid configuration: PORT /);
    expect(reason({ DATABASE_URL: 'mysql://x' })).toMatch(/^Invalid configuration: DATABASE_URL /);
    expect(reason({ ADMIN_PASSWORD: 'short' })).toMatch(/^Invalid configuration: ADMIN_PASSWORD /);
  });
});
