import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed fixture vault: text files only, one per format variant. */
export const FIXTURE_VAULT = fileURLToPath(new URL('../fixtures/vault', import.meta.url));

/** The project root, for spawning the CLI. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Files of the fixture vault, by what they exercise (paths relative to the vault). */
export const FILES = {
  arsTechnica: '01-博客/Ars Technica/OpenAI 绕过英伟达：在餐盘大小的芯片上推出超快编程模型.md',
  openaiBlog: '01-博客/OpenAI/推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型.md',
  simon: '01-博客/Simon Willison/Claude Code 的十二条使用原则.md',
  google: '01-博客/Google/Gemini 在长上下文检索中的表现.md',
  verge: '01-博客/The Verge/五角大楼将 Anthropic 列为供应链风险.md',
  cloudflare: '01-博客/Cloudflare/有害组合：当微小信号叠加成安全事故.md',
  brokenYaml: '01-博客/杂项/YAML 前言损坏但正文完好.md',
  listFrontMatter: '01-博客/杂项/前言是列表.md',
  numberFrontMatter: '01-博客/杂项/前言是数字.md',
  empty: '01-博客/杂项/空文件.md',
  aider: '02-资源/AI-编程助手与Agent/Aider：终端里的结对编程助手.md',
  hfCourse: '02-资源/学习资源与知识库/Hugging Face 课程：从零学习 Transformer.md',
  book: '03-图书/深度学习入门：从感知机到 Transformer.md',
  topicOpenAI: '00-元语/OpenAI.md',
  topicLLM: '00-元语/LLM.md',
  topicClaudeCode: '00-元语/Claude Code.md',
  topicNvidia: '00-元语/英伟达.md',
} as const;

/** Files written byte by byte by `addByteFixtures`, never committed. */
export const BYTE_FILES = {
  crlfBom: '01-博客/Windows/CRLF 与 BOM 的文章.md',
  binary: '01-博客/杂项/二进制.md',
  invalidUtf8: '01-博客/杂项/非UTF8.md',
} as const;

export const CRLF_BOM_TEXT =
  '\uFEFF---\r\ntitle: "CRLF 与 BOM 的文章"\r\n发布日期: "2025-10-10"\r\n作者: "微软"\r\n---\r\n\r\n## 摘要\r\n\r\n' +
  '**一句话总结**\r\nWindows 换行与字节序标记不影响解析。\r\n\r\n**关键要点**\r\n- 行尾的回车被去掉。\r\n- 开头的 BOM 被去掉。\r\n\r\n' +
  '## 关联主题\r\n\r\n- [[00-元语/Windows]]\r\n';

const made: string[] = [];

/** A fresh temporary folder, removed by `cleanupTemp`. */
export function tempDir(prefix = 'digest-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeVaultFile(vault: string, path: string, content: string | Uint8Array): string {
  const full = join(vault, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** A CRLF + BOM article, a `.md` holding NUL bytes and one that is not valid UTF-8. */
export function addByteFixtures(vault: string): void {
  writeVaultFile(vault, BYTE_FILES.crlfBom, CRLF_BOM_TEXT);
  // Valid UTF-8 that holds NUL bytes, like an SQLite file saved under a .md name.
  writeVaultFile(vault, BYTE_FILES.binary, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(16), Buffer.from('# 不是文章\n')]));
  writeVaultFile(vault, BYTE_FILES.invalidUtf8, Buffer.concat([Buffer.from('# 坏编码\n\n'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])]));
}

/** A copy of the fixture vault in a temporary folder, optionally with the byte-level fixtures. */
export function copyVault(options: { byteFixtures?: boolean } = {}): string {
  const dir = tempDir('digest-vault-');
  cpSync(FIXTURE_VAULT, dir, { recursive: true });
  if (options.byteFixtures) addByteFixtures(dir);
  return dir;
}
