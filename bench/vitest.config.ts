import { defineConfig } from 'vitest/config';

// The benchmark's short run (`node bench/run.mjs --short`) in the test command, so the suite
// never rots: it fails on crashes, errors and lost events, never on noisy ratios.
export default defineConfig({
  test: {
    name: 'bench',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    testTimeout: 300_000,
    pool: 'forks',
  },
});
