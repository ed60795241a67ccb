import { DiscordAPIError, RateLimitError, RESTJSONErrorCodes, type RateLimitData } from 'discord.js';

/** Discord takes the first answer to an interaction (its callback) within 3 s; later: 10062 Unknown interaction. */
export const CALLBACK_WINDOW_MS = 3_000;

const CALLBACK_ROUTE = '/interactions/:id/:token/callback';

/**
 * discord.js waits out a 429 and retries. For a callback, a wait longer than the whole window can
 * only end in 10062, so the callback is given up at once instead; a shorter wait is retried and
 * lands. Compared with the window, not with the interaction's age: that would pit this host's clock
 * against Discord's, and a fast clock would give up on replies that could still land.
 */
export function tooLateToRetry(limit: RateLimitData): boolean {
  return limit.route === CALLBACK_ROUTE && limit.retryAfter > CALLBACK_WINDOW_MS;
}

/** The interaction ran out of time before its reply landed: nothing more can be sent to it. */
export function expired(err: unknown): boolean {
  return (
    (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction) ||
    (err instanceof RateLimitError && err.route === CALLBACK_ROUTE)
  );
}
