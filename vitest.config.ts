import { defineConfig } from 'vitest/config';

// One runner, one summary: each package brings its own project config.
export default defineConfig({
  test: {
    projects: ['server/vitest.config.ts', 'admin-web/vitest.config.ts', 'customer-web/vitest.config.ts', 'web-kit/vitest.config.ts', 'e2e/vitest.config.ts', 'sdk/vitest.config.ts', 'bench/vitest.config.ts'],
  },
});
