import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { followedSuggestions, unfollowReply } from '../src/discord/following.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('unfollow')
    .setNameLocalization('zh-CN', '取消关注')
    .setDescription('Stop posting a topic to this channel')
    .setDescriptionLocalization('zh-CN', '本频道不再关注一个主题')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('topic')
        .setNameLocalization('zh-CN', '主题')
        .setDescription('A topic this channel follows')
        .setDescriptionLocalization('zh-CN', '本频道关注的主题')
        .setRequired(true)
        .setAutocomplete(true),
    )
    .toJSON(),

  run: (options, _engine, _links, context) => unfollowReply(context, options.getString('topic') ?? ''),
  autocomplete: (_engine, typed, context) => followedSuggestions(context, typed),
} satisfies Command;
