import { defineConfig } from 'vitest/config';

// The AWS SDK warns on every client that Node 20 support ends in 2027; Lambda targets nodejs22.x already.
process.env.NODE_NO_WARNINGS = '1';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
  },
});
