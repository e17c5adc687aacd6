import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests share nothing but the compiled CLI; threads keep the suite quick on two cores.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
