import { SlashCommandBuilder } from 'discord.js';
import { topicReply } from '../src/discord/answers.js';
import type { Command } from '../src/discord/command.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('topic')
    .setNameLocalization('zh-CN', '主题')
    .setDescription('The articles under a topic, newest first')
    .setDescriptionLocalization('zh-CN', '某个主题下的文章，最新的在前')
    .addStringOption((o) =>
      o
        .setName('name')
        .setNameLocalization('zh-CN', '名称')
        .setDescription('Topic name or alias')
        .setDescriptionLocalization('zh-CN', '主题名称或别名')
        .setRequired(true)
        .setAutocomplete(true),
    )
    .toJSON(),

  run: (options, engine, links) => topicReply(engine, links, options.getString('name') ?? ''),
  autocomplete: (engine, typed) => engine.autocomplete('topic', typed),
} satisfies Command;
