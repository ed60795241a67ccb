import { SlashCommandBuilder } from 'discord.js';
import { summaryReply } from '../src/discord/answers.js';
import type { Command } from '../src/discord/command.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('summary')
    .setNameLocalization('zh-CN', '摘要')
    .setDescription("An article's whole summary, found by its title")
    .setDescriptionLocalization('zh-CN', '按标题查看一篇文章的完整摘要')
    .addStringOption((o) =>
      o
        .setName('title')
        .setNameLocalization('zh-CN', '标题')
        .setDescription('Part of the title')
        .setDescriptionLocalization('zh-CN', '标题中的几个字')
        .setRequired(true)
        .setAutocomplete(true),
    )
    .toJSON(),

  run: (options, engine, links) => summaryReply(engine, links, options.getString('title') ?? ''),
  autocomplete: (engine, typed) => engine.autocomplete('title', typed),
} satisfies Command;
