import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: { name: 'customer-web', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
