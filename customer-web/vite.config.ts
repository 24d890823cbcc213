import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.VITE_DEV_API ?? 'http://localhost:4000';

export default defineConfig({
  // The server mounts this SPA at /portal/; a standalone deployment can override it.
  base: process.env.VITE_BASE ?? '/portal/',
  plugins: [react()],
  build: { outDir: 'dist' },
  server: {
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
      '/export': { target: apiTarget },
    },
  },
});
