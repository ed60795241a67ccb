import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type RepliableInteraction,
} from 'discord.js';
import { UserError } from './errors.js';
import { LIMITS } from './limits.js';
import { truncate, truncateMarkdown } from './text.js';

/** What every handler answers with: plain data, rendered by pure functions. */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Seen only by the user who asked, unless set to false (sharing). */
  ephemeral?: boolean;
}

/** The JSON sent to Discord: within every limit, pinging nobody. */
export interface Prepared {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: [] };
}

export function prepare(outcome: Reply | UserError): Prepared {
  const reply: Reply = outcome instanceof UserError ? { content: outcome.message } : outcome;
  const ephemeral = reply.ephemeral ?? true;
  return {
    ...(reply.content ? { content: truncate(reply.content, LIMITS.content) } : {}),
    embeds: fitEmbeds(reply.embeds ?? []),
    components: (reply.components ?? []).slice(0, LIMITS.actionRows),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    // Vault text and user input are shown, never allowed to ping anyone.
    allowedMentions: { parse: [] },
  };
}

/**
 * The one way a reply reaches Discord. `update` replaces the clicked message (paging) instead of
 * posting a new one. After a deferral the reply becomes an edit; its privacy was fixed when
 * deferring, so the flags are left out.
 */
export async function send(interaction: RepliableInteraction, outcome: Reply | UserError, how: 'reply' | 'update' = 'reply'): Promise<void> {
  const { flags, ...message } = prepare(outcome);
  const withFlags = flags ? { ...message, flags } : message;
  if (how === 'update' && outcome instanceof UserError) {
    // A mistake must not replace the answer the user is paging through: it gets a note of its own.
    if (interaction.deferred || interaction.replied) await interaction.followUp(withFlags);
    else await interaction.reply(withFlags);
  } else if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else if (how === 'update' && interaction.isMessageComponent()) await interaction.update(message);
  else await interaction.reply(withFlags);
}

const textLength = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.author?.name.length ?? 0) +
  (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

const totalLength = (embeds: readonly APIEmbed[]) => embeds.reduce((sum, e) => sum + textLength(e), 0);

const blank = (text: string | undefined) => !text?.trim();

/** Each text within its limit; blank ones left out, as Discord rejects an empty title or field. */
function fitEach(embed: APIEmbed): APIEmbed {
  const { title, description, ...rest } = embed;
  const fitted: APIEmbed = rest;
  if (!blank(title)) fitted.title = truncate(title!, LIMITS.embedTitle);
  if (!blank(description)) fitted.description = truncateMarkdown(description!, LIMITS.embedDescription);
  if (embed.footer) fitted.footer = { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footerText) };
  if (embed.author) fitted.author = { ...embed.author, name: truncate(embed.author.name, LIMITS.authorName) };
  if (embed.fields) {
    fitted.fields = embed.fields
      .filter((f) => !blank(f.name) && !blank(f.value))
      .slice(0, LIMITS.embedFields)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncateMarkdown(f.value, LIMITS.fieldValue) }));
  }
  return fitted;
}

/**
 * Each embed within its own limits, then all of them within the 6000 per message: the longest
 * texts (descriptions and field values) are cut to a common length, so every result keeps its
 * share; only if titles and footers alone are too long are the last embeds dropped.
 */
export function fitEmbeds(input: readonly APIEmbed[]): APIEmbed[] {
  let embeds = input.slice(0, LIMITS.embedsPerMessage).map(fitEach);
  if (totalLength(embeds) <= LIMITS.embedsTotal) return embeds;

  const bodies = (e: APIEmbed) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)];
  const fixed = totalLength(embeds) - embeds.flatMap(bodies).reduce((sum, b) => sum + b.length, 0);
  const sizeAt = (cap: number) => fixed + embeds.flatMap(bodies).reduce((sum, b) => sum + Math.min(b.length, cap), 0);
  let low = 0;
  let high = LIMITS.embedDescription;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sizeAt(mid) <= LIMITS.embedsTotal) low = mid;
    else high = mid - 1;
  }
  const cap = low;
  // Fitted once more: a text cut to nothing is then left out rather than sent blank.
  embeds = embeds.map((e) =>
    fitEach({
      ...e,
      ...(e.description !== undefined ? { description: truncateMarkdown(e.description, cap) } : {}),
      ...(e.fields ? { fields: e.fields.map((f) => ({ ...f, value: truncateMarkdown(f.value, cap) })) } : {}),
    }),
  );
  while (embeds.length > 1 && totalLength(embeds) > LIMITS.embedsTotal) embeds = embeds.slice(0, -1);
  return embeds;
}

/** Autocomplete choices within Discord's limits: 25 at most, name and value 100 characters each. */
export function prepareChoices(suggestions: readonly { name: string; value: string }[]): { name: string; value: string }[] {
  return suggestions
    // A value cut short would no longer be what the user picked, so an over-long one is dropped.
    .filter((s) => s.value.length > 0 && s.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.autocompleteChoices)
    .map((s) => ({ name: truncate(s.name, LIMITS.choiceName, '…') || s.value, value: s.value }));
}
