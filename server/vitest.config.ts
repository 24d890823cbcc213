import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Vite 8's compiler honours emitDecoratorMetadata from tsconfig, so decorated type-graphql and
// MikroORM classes run here without swc (../shared/STACK-NOTES.md).
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for type-graphql and Apollo; without this alias Vite
    // would give our own files the .mjs build, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    name: 'server',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
