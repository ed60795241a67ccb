import { DiscordAPIError, HTTPError, RateLimitError, type RateLimitData } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { expired, tooLateToRetry } from '../../src/discord/interactionWindow.js';

const CALLBACK = '/interactions/:id/:token/callback';
const EDIT = '/webhooks/:id/:token/messages/@original';

const limit = (route: string, retryAfter: number): RateLimitData => ({
  route,
  retryAfter,
  timeToReset: retryAfter,
  global: false,
  hash: 'h',
  limit: 1,
  majorParameter: 'm',
  method: 'POST',
  sublimitTimeout: 0,
  scope: 'user',
  url: 'http://127.0.0.1/api/v10/x',
});

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ message: 'x', code }, code, status, 'POST', 'http://127.0.0.1/api/v10/x', { body: undefined, files: undefined });

describe('the interaction callback window', () => {
  test('a callback whose rate-limit wait outlasts the 3-s window is given up; a shorter wait is retried', () => {
    expect(tooLateToRetry(limit(CALLBACK, 3_050))).toBe(true);
    expect(tooLateToRetry(limit(CALLBACK, 1_050))).toBe(false);
  });

  test('other routes (an edit after a deferral has 15 minutes) always wait out the limit', () => {
    expect(tooLateToRetry(limit(EDIT, 60_000))).toBe(false);
  });

  test('10062 Unknown interaction and a callback given up to a rate limit mean the interaction expired', () => {
    expect(expired(apiError(10062, 404))).toBe(true);
    expect(expired(new RateLimitError(limit(CALLBACK, 5_000)))).toBe(true);
  });

  test('other failures are ours, not an expiry', () => {
    expect(expired(apiError(50035, 400))).toBe(false);
    expect(expired(new RateLimitError(limit(EDIT, 5_000)))).toBe(false);
    expect(expired(new HTTPError(500, 'Internal Server Error', 'POST', 'http://127.0.0.1/api/v10/x', { body: undefined, files: undefined }))).toBe(false);
    expect(expired(new Error('socket hang up'))).toBe(false);
  });
});
