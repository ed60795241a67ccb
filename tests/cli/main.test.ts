import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTE_FILES, cleanupTemp, copyVault, FILES, PROJECT_ROOT, tempDir } from '../helpers/vault.js';
import { USAGE } from '../../src/cli/args.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the terminal mode as a user would (`npm run cli`), with its own index cache; stdin gets `input`, then closes. */
function cli(args: string[], options: { input?: string; cacheDir: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/run.mjs', 'src/cli/main.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, INDEX_CACHE_DIR: options.cacheDir, DIGEST_DIR: '', DIGEST_BASE_URL: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.length > 0);

/** Every word of these queries occurs in the vault's own text. */
// Question words the fixture vault never uses (多少, 怎么样) must segment alike from a saved index.
const ROUND_TRIP = ['Spark 生成速度', '英伟达', '大海捞针 召回率', '盗刷', '速率限制', 'GPT-5.3-Codex-Spark', 'Claude Code 测试', '怎么样才能提高召回率', 'Spark 的生成速度是多少'];

let vault: string;
let cacheDir: string;
let cold: Run;

beforeAll(async () => {
  vault = copyVault({ byteFixtures: true });
  cacheDir = tempDir('digest-cli-cache-');
  // The first run builds and saves the index, so the concurrent runs below load it.
  cold = await cli(['ask', '--dir', vault, '--json', '--limit', '10'], { cacheDir, input: ROUND_TRIP.join('\n') + '\n' });
});
afterAll(cleanupTemp);

describe.concurrent('terminal mode', () => {
  it('answers one ask query with one JSON object holding the contract fields', async () => {
    const run = await cli(['ask', 'Spark 的生成速度是多少', '--dir', vault, '--json'], { cacheDir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(lines(run.stdout)).toHaveLength(1);
    const answer = JSON.parse(run.stdout);
    expect(answer.query).toBe('Spark 的生成速度是多少');
    expect(answer.total).toBe(answer.results.length);
    expect(answer.nearestTopics).toEqual([]);
    const top = answer.results[0];
    expect(Object.keys(top).slice(0, 5)).toEqual(['path', 'title', 'url', 'score', 'bullets']);
    expect(top).toMatchObject({
      path: FILES.arsTechnica,
      title: 'OpenAI 绕过英伟达：在餐盘大小的芯片上推出超快编程模型',
      url: 'https://arstechnica.com/ai/2026/02/openai-sidesteps-nvidia/',
    });
    expect(typeof top.score).toBe('number');
    expect(top.bullets[0]).toBe('极致生成速度：代码生成速度超过每秒 1000 个 Token，比上一代快约 15 倍。');
    expect(top.bulletKinds[0]).toBe('keyPoint');
  });

  it('answers a topic query with query, topic, total and results newest first, up to --limit', async () => {
    const run = await cli(['topic', 'llm', '--dir', vault, '--json', '--limit', '2'], { cacheDir });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ query: 'llm', topic: 'LLM', total: 6 });
    expect(answer.results.map((r: { path: string; title: string; date: string }) => [r.path, r.title, r.date])).toEqual([
      [FILES.hfCourse, 'Hugging Face 课程：从零学习 Transformer', '2026-01-20'],
      [FILES.simon, 'Claude Code 的十二条使用原则', '2026-01-05'],
    ]);
    expect(Object.keys(answer.results[0]).slice(0, 3)).toEqual(['path', 'title', 'date']);
  });

  it('answers a summary query with the whole summary', async () => {
    const run = await cli(['summary', '五角大楼', '--dir', vault, '--json'], { cacheDir });
    const answer = JSON.parse(run.stdout);
    expect(answer.query).toBe('五角大楼');
    expect(Object.keys(answer.results[0]).slice(0, 6)).toEqual(['path', 'title', 'url', 'oneLine', 'keyPoints', 'risks']);
    expect(answer.results[0]).toMatchObject({
      path: FILES.verge,
      title: '五角大楼将 Anthropic 列为供应链风险',
      url: 'https://www.theverge.com/2026/3/2/pentagon-anthropic-supply-chain-risk',
      oneLine: '美国国防部把 Anthropic 列为供应链风险，限制其模型进入国防采购。',
      keyPoints: ['国防部的决定影响 Claude 在政府项目中的部署。', 'Anthropic 表示将就这一认定提出申诉。'],
      risks: ['认定的具体依据尚未公开。'],
    });
  });

  it('answers autocomplete with at most 25 suggestions', async () => {
    const run = await cli(['autocomplete', 'topic', '大语言', '--dir', vault, '--json'], { cacheDir });
    expect(JSON.parse(run.stdout)).toEqual({ query: '大语言', results: [{ name: '大语言模型 → LLM', value: 'LLM' }] });
  });

  it('reads queries from stdin, one per line, and answers one JSON line each, in order', async () => {
    const run = await cli(['ask', '--dir', vault, '--json'], { cacheDir, input: '盗刷\nxyzzy plugh\n速率限制\n' });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const answers = lines(run.stdout).map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.query, a.results[0]?.path ?? null])).toEqual([
      ['盗刷', FILES.cloudflare],
      ['xyzzy plugh', null],
      ['速率限制', FILES.openaiBlog],
    ]);
    expect(answers[1]).toEqual({ query: 'xyzzy plugh', total: 0, results: [], nearestTopics: [] });
  });

  it('prints readable text without --json', async () => {
    const run = await cli(['topic', 'Codex', '--dir', vault], { cacheDir });
    expect(run.stdout).toBe(
      [
        '主题：Codex（共 2 篇）',
        '',
        '- 2026-02-13  推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
        `  ${FILES.openaiBlog}`,
        '  https://openai.com/index/introducing-gpt-5-3-codex-spark/',
        '- 2026-02-12  OpenAI 绕过英伟达：在餐盘大小的芯片上推出超快编程模型',
        `  ${FILES.arsTechnica}`,
        '  https://arstechnica.com/ai/2026/02/openai-sidesteps-nvidia/',
        '',
      ].join('\n'),
    );
  });

  it('check --json reports counts and each skipped file with its reason', async () => {
    const run = await cli(['check', '--dir', vault, '--json'], { cacheDir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ files: 20, parsed: 17, byKind: { article: 10, resource: 2, topic: 4, book: 1 } });
    expect(report.skipped).toEqual([
      { path: BYTE_FILES.binary, reason: 'binary content (NUL bytes)' },
      { path: FILES.empty, reason: 'empty file' },
      { path: BYTE_FILES.invalidUtf8, reason: 'not valid UTF-8' },
    ]);
  });

  it('export emits one JSON line per parsed record and names skipped files on stderr', async () => {
    const run = await cli(['export', '--dir', vault], { cacheDir });
    expect(run.code).toBe(0);
    const records = lines(run.stdout).map((line) => JSON.parse(line));
    expect(records).toHaveLength(17);
    expect(records.map((r) => r.path)).not.toContain(FILES.empty);
    expect(records.find((r) => r.path === FILES.google)).toMatchObject({
      kind: 'article',
      title: 'Gemini 在长上下文检索中的表现',
      date: '2025-11-03',
      risks: ['评测集由 Google 自行构建，外部复现有限。'],
    });
    expect(lines(run.stderr)).toEqual([
      `skipped ${BYTE_FILES.binary}: binary content (NUL bytes)`,
      `skipped ${FILES.empty}: empty file`,
      `skipped ${BYTE_FILES.invalidUtf8}: not valid UTF-8`,
    ]);
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['ask', 'x', '--limit', '0'], '--limit must be an integer from 1 to 100, got "0"'],
  ])('exits 2 with a message and the usage on bad usage: %j', async (args, message) => {
    const run = await cli([...args, '--dir', vault], { cacheDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`${message}\n\n用法 / usage:`)).toBe(true);
  });

  it('with DIGEST_BASE_URL, links what has no source to its page on the site; a bad one is refused', async () => {
    const run = await cli(['topic', 'llm', '--dir', vault], { cacheDir, env: { DIGEST_BASE_URL: 'https://digest.example.com/' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '- 2018-07-01  深度学习入门：从感知机到 Transformer\n  03-图书/深度学习入门：从感知机到 Transformer.md\n' +
        '  https://digest.example.com/03-%E5%9B%BE%E4%B9%A6/%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0%E5%85%A5%E9%97%A8%EF%BC%9A%E4%BB%8E%E6%84%9F%E7%9F%A5%E6%9C%BA%E5%88%B0-Transformer\n',
    );
    const bad = await cli(['topic', 'llm', '--dir', vault], { cacheDir, env: { DIGEST_BASE_URL: 'ftp://digest.example.com/' } });
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([2, '', 'DIGEST_BASE_URL: must be http or https, not ftp:\n']);
  });

  it('prints the usage on stdout and exits 0 on --help', async () => {
    const run = await cli(['--help'], { cacheDir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(`${USAGE}\n`);
  });

  it('exits 2 when the vault folder does not exist', async () => {
    const missing = `${vault}-missing`;
    const run = await cli(['ask', 'x', '--dir', missing], { cacheDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`vault folder not found: ${missing} (set --dir or DIGEST_DIR)\n`);
  });

  it('answers from a saved index exactly as from a fresh build', async () => {
    expect(cold.code).toBe(0);
    expect(lines(cold.stdout)).toHaveLength(ROUND_TRIP.length);
    const warm = await cli(['ask', '--dir', vault, '--json', '--limit', '10'], { cacheDir, input: ROUND_TRIP.join('\n') + '\n' });
    expect(warm.stdout).toBe(cold.stdout);
  });
});
