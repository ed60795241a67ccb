import { SlashCommandBuilder } from 'discord.js';
import { ASK_LIMIT, askReply } from '../src/discord/answers.js';
import type { Command } from '../src/discord/command.js';
import { MAX_QUESTION } from '../src/discord/customId.js';

export const command = {
  definition: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalization('zh-CN', '提问')
    .setDescription('Ask the digest a question; answers with the articles and the points that state it')
    .setDescriptionLocalization('zh-CN', '向文摘提问：列出相关文章及其中的要点与风险')
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalization('zh-CN', '问题')
        .setDescription('The question, in Chinese or English')
        .setDescriptionLocalization('zh-CN', '你的问题，中文或英文')
        .setRequired(true)
        // Short enough to travel in the paging buttons' custom ids (see src/discord/customId.ts).
        .setMaxLength(MAX_QUESTION),
    )
    .addStringOption((o) =>
      o
        .setName('since')
        .setNameLocalization('zh-CN', '起始日期')
        .setDescription('Only articles from this day on (YYYY-MM-DD)')
        .setDescriptionLocalization('zh-CN', '只看这一天及之后的文章（YYYY-MM-DD）')
        .setMinLength(10)
        .setMaxLength(10),
    )
    .addIntegerOption((o) =>
      o
        .setName('limit')
        .setNameLocalization('zh-CN', '条数')
        .setDescription(`Articles per page (${ASK_LIMIT.min}–${ASK_LIMIT.max}, default ${ASK_LIMIT.default})`)
        .setDescriptionLocalization('zh-CN', `每页文章数（${ASK_LIMIT.min}–${ASK_LIMIT.max}，默认 ${ASK_LIMIT.default}）`)
        .setMinValue(ASK_LIMIT.min)
        .setMaxValue(ASK_LIMIT.max),
    )
    .toJSON(),

  run: (options, engine, links) =>
    askReply(engine, links, {
      query: options.getString('question') ?? '',
      since: options.getString('since') ?? '',
      limit: options.getInteger('limit') ?? ASK_LIMIT.default,
      offset: 0,
    }),
} satisfies Command;
