import { DiscordAPIError } from 'discord.js';
import { expect, test } from 'vitest';
import { isUnreachable } from '../../src/discord/channelPost.js';

const apiError = (status: number, code: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', { body: {} });

test('a channel is unreachable when Discord refuses the bot there (403) or the channel is gone (Unknown Channel)', () => {
  expect(isUnreachable(apiError(403, 50001, 'Missing Access'))).toBe(true);
  expect(isUnreachable(apiError(403, 50013, 'Missing Permissions'))).toBe(true);
  expect(isUnreachable(apiError(404, 10003, 'Unknown Channel'))).toBe(true);
});

test('anything else is about one message or passes: a bad message, a server error, a network failure', () => {
  expect(isUnreachable(apiError(400, 50035, 'Invalid Form Body'))).toBe(false);
  expect(isUnreachable(apiError(404, 10008, 'Unknown Message'))).toBe(false);
  expect(isUnreachable(apiError(500, 0, 'Internal Server Error'))).toBe(false);
  expect(isUnreachable(new Error('ECONNRESET'))).toBe(false);
});
