import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { followReply } from '../src/discord/following.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('follow')
    .setNameLocalization('zh-CN', '关注')
    .setDescription("Post this topic's new articles to this channel as they land")
    .setDescriptionLocalization('zh-CN', '本频道关注一个主题：新文章加入时发到这里')
    // Shown only to members who may manage channels; checked again when run (servers can override).
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('topic')
        .setNameLocalization('zh-CN', '主题')
        .setDescription('Topic name or alias')
        .setDescriptionLocalization('zh-CN', '主题名称或别名')
        .setRequired(true)
        .setAutocomplete(true),
    )
    .toJSON(),

  run: (options, engine, _links, context) => followReply(engine, context, options.getString('topic') ?? ''),
  autocomplete: (engine, typed) => engine.autocomplete('topic', typed),
} satisfies Command;
