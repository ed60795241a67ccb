import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { followingReply } from '../src/discord/following.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('following')
    .setNameLocalization('zh-CN', '关注列表')
    .setDescription('The topics this channel follows')
    .setDescriptionLocalization('zh-CN', '本频道关注的主题')
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  run: (_options, _engine, _links, context) => followingReply(context),
} satisfies Command;
