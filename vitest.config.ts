import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start the bot as a child process; jieba's dictionary load alone takes ~1 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
