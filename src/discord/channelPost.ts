import { DiscordAPIError, RESTJSONErrorCodes, Routes, type APIMessage, type Client } from 'discord.js';
import type { SendPost } from '../follow/poster.js';
import { prepare, type Reply } from './reply.js';

/**
 * Whether Discord refused because of the channel itself: the bot was removed from it or lost its
 * permissions there (403: Missing Access, Missing Permissions), or the channel was deleted
 * (Unknown Channel). Asking again would only be refused again.
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.status === 403 || error.code === RESTJSONErrorCodes.UnknownChannel);
}

/**
 * Posts a message to a channel with the bot's token (POST /channels/{id}/messages), within
 * Discord's limits and pinging nobody, as every reply is. The REST client queues the request
 * behind Discord's rate limits and retries server errors.
 */
export function channelSender(client: Client): SendPost<Reply> {
  return async (channelId, reply, nonce) => {
    const { allowedMentions, ...message } = prepare({ ...reply, ephemeral: false });
    try {
      const sent = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { ...message, allowed_mentions: allowedMentions, nonce, enforce_nonce: true },
      })) as APIMessage;
      return { ok: true, messageId: sent.id };
    } catch (error) {
      return { ok: false, unreachable: isUnreachable(error), error };
    }
  };
}
