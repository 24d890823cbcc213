import { defineConfig } from 'vitest/config';

// Browser tests: the built apps served by a real server (embedded PostgreSQL, demo data),
// driven by playwright-core in Debian's chromium. One file at a time: they share the machine.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
