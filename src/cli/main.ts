import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { siteBaseUrl } from '../config.js';
import { checkText, checkVault } from '../digest/check.js';
import { loadVault } from '../digest/load.js';
import { openEngine, type Engine } from '../search/engine.js';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { askJson, askText, suggestionsText, summaryJson, summaryText, topicJson, topicText } from './output.js';

/** Terminal mode: the same engine as the bot, for scripts, evaluation and a quick look. */
async function main(argv: string[]): Promise<number> {
  let args: CliArgs | 'help';
  try {
    args = parseArgs(argv, process.env.DIGEST_DIR || 'seeds');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!existsSync(args.dir) || !statSync(args.dir).isDirectory()) {
    process.stderr.write(`vault folder not found: ${args.dir} (set --dir or DIGEST_DIR)\n`);
    return 2;
  }

  if (args.command === 'check' || args.command === 'export') {
    const vault = loadVault(args.dir);
    if (args.command === 'export') {
      for (const doc of vault.docs) process.stdout.write(JSON.stringify(doc) + '\n');
      for (const skip of vault.skipped) process.stderr.write(`skipped ${skip.path}: ${skip.reason}\n`);
    } else {
      const report = checkVault(vault);
      process.stdout.write((args.json ? JSON.stringify(report) : checkText(report)) + '\n');
    }
    return 0;
  }

  // The same setting as the bot's: text answers link to the published site as replies do.
  const site = siteBaseUrl.optional().safeParse(process.env.DIGEST_BASE_URL || undefined);
  if (!site.success) {
    process.stderr.write(`DIGEST_BASE_URL: ${site.error.issues[0]?.message}\n`);
    return 2;
  }

  // Progress goes to a terminal only: piped stderr stays quiet for scripts.
  const onProgress = process.stderr.isTTY ? (message: string) => process.stderr.write(`\r\x1b[K${message}`) : undefined;
  const engine = await openEngine({ dir: args.dir, cacheDir: process.env.INDEX_CACHE_DIR || undefined, onProgress });
  if (onProgress) {
    const { stats, report } = engine;
    const how = report.mode === 'loaded' ? '载入已保存的索引' : report.mode === 'updated' ? `更新了 ${report.reindexed.length + report.removed.length} 个文件` : '建立了索引';
    process.stderr.write(`\r\x1b[K${how}：${stats.articles} 篇，${stats.buildMs} ms\n`);
  }

  const answer = (query: string) => render(engine, args, query, site.data);
  if (args.query !== null) {
    process.stdout.write(answer(args.query) + '\n');
  } else {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(answer(line) + '\n');
  }
  const saveError = await engine.saved;
  if (saveError) process.stderr.write(`warning: the index could not be saved (${saveError.message}); the next run rebuilds it\n`);
  return 0;
}

function render(engine: Engine, args: CliArgs, query: string, siteBase: string | undefined): string {
  const limit = args.limit;
  switch (args.command) {
    case 'ask': {
      const result = engine.ask(query, { limit });
      return args.json ? JSON.stringify(askJson(result)) : askText(result, siteBase);
    }
    case 'topic': {
      const result = engine.topic(query, { limit });
      return args.json ? JSON.stringify(topicJson(result)) : topicText(result, siteBase);
    }
    case 'summary': {
      const result = engine.summary(query, { limit });
      return args.json ? JSON.stringify(summaryJson(result)) : summaryText(result, siteBase);
    }
    case 'autocomplete': {
      const result = engine.autocomplete(args.kind, query);
      return args.json ? JSON.stringify({ query, results: result }) : suggestionsText(result);
    }
    default:
      throw new Error(`render: unexpected command ${args.command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
