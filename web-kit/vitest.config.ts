import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web-kit',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Without vitest globals Testing Library cannot register its own afterEach cleanup.
    setupFiles: ['src/test/setup.ts'],
  },
});
