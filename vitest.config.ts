import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'modules/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          // One database per run; files run one after another so they never race on shared rows.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'admin',
          environment: 'jsdom',
          include: ['admin/**/*.test.tsx', 'modules/**/admin/**/*.test.tsx'],
          // Rendering react-admin in jsdom takes seconds on a busy shared machine.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
