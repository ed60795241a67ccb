import fc from 'fast-check';

/**
 * Vault files as they go wrong, for the property test of the loader: each with what the loader
 * must make of it. The parser is tolerant, so anything it can read as text becomes a record;
 * only files that cannot be read as text are skipped, and each of those with a fixed reason.
 */

/** Why a file is skipped: the reasons `readDocument` gives, the ones `check` must report. */
export const SKIP = {
  invalidUtf8: 'not valid UTF-8',
  binary: 'binary content (NUL bytes)',
  empty: 'empty file',
  tooLarge: (mb: string) => `file too large (${mb} MB, limit 4 MB)`,
} as const;

export interface BadFile {
  kind: string;
  content: string | Uint8Array;
  /** The reason it is skipped; null when it must parse. */
  skip: string | null;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** Markdown-looking text to surround the damage with. */
const SNIPPETS = [
  '# 标题', '## 摘要', '## 相关文档', '## 关联主题', '## 元信息', '## 定义', '## 核心功能', '## 限制与注意事项', '### 关键要点',
  '**一句话总结**', '**风险与不足**', '- 要点', '1. 第一', '  - 子项', '> 引用', '```', '~~~', '---', '- 作者：某人', '- 原文链接：https://x.y/z',
  '[[00-元语/LLM]]', '[链接](https://a.b/c)', '![图](a.png)', '| a | b |', '正文一段。', 'English text.', '',
];
const markdown = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));

/** Anything but NUL and blank: such text is always readable, so it must parse. */
const noise = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 400 })
  .map((text) => text.replace(/\0/g, ''))
  .filter((text) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(text));

// --- Files that cannot be read as text: skipped, each with its reason -------------------------

const MAGIC = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0x50, 0x4b, 0x03, 0x04], // zip (docx, xlsx)
  [0x1f, 0x8b, 0x08], // gzip
  [0xff, 0xd8, 0xff, 0xe0], // JPEG
  [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3], // PDF with its binary marker
];

/** A binary file saved under a `.md` name: its bytes are not UTF-8, whatever follows the magic number. */
const binary: fc.Arbitrary<BadFile> = fc
  .tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 2000 }))
  .map(([magic, rest]) => ({ kind: 'binary', content: concat(Uint8Array.from(magic), rest, Uint8Array.from([0x00, 0xff])), skip: SKIP.invalidUtf8 }));

/** UTF-16 with its byte order mark, as some Windows editors save. */
const utf16: fc.Arbitrary<BadFile> = markdown.map((text) => ({ kind: 'utf16', content: Uint8Array.from(Buffer.from('\uFEFF' + text, 'utf16le')), skip: SKIP.invalidUtf8 }));

const INVALID_SEQUENCES = [
  [0xff], // never in UTF-8
  [0x80], // a continuation byte alone
  [0xc0, 0xaf], // an overlong '/'
  [0xed, 0xa0, 0x80], // a surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xe4, 0xb8], // 中 cut short
];

/** Readable markdown with one invalid sequence somewhere in it. */
const invalidUtf8: fc.Arbitrary<BadFile> = fc
  .tuple(markdown, fc.constantFrom(...INVALID_SEQUENCES), fc.nat())
  .map(([text, bad, at]) => {
    const bytes = utf8(text);
    const cut = at % (bytes.length + 1);
    return { kind: 'invalidUtf8', content: concat(bytes.slice(0, cut), Uint8Array.from(bad), bytes.slice(cut)), skip: SKIP.invalidUtf8 };
  });

/** Valid UTF-8 holding NUL bytes, like an SQLite database or a core dump. */
const nul: fc.Arbitrary<BadFile> = fc.tuple(markdown, fc.nat()).map(([text, at]) => {
  const cut = at % (text.length + 1);
  return { kind: 'nul', content: text.slice(0, cut) + '\0' + text.slice(cut), skip: SKIP.binary };
});

/** Nothing at all, or nothing but blanks, line ends and a byte order mark. */
const empty: fc.Arbitrary<BadFile> = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u3000', '\u2028', '\u00a0'), { maxLength: 50 }))
  .map(([bom, blanks]) => ({ kind: 'empty', content: (bom ? '\uFEFF' : '') + blanks.join(''), skip: SKIP.empty }));

// --- Files that are readable however broken: they must parse ------------------------------------

const parses = (kind: string) => (content: string): BadFile => ({ kind, content, skip: null });

const BROKEN_YAML = [
  'title: "unclosed', "title: 'unclosed", 'title: a: b: c', '\tindented: with a tab', 'key without value', ': no key', '[unclosed', '{unclosed',
  '- a\nb: c', 'a: &x [*x]', '*undefined', '!!binary not-base64', '!!js/function "function(){}"', '? complex key', 'title: 甲\ntitle: 乙',
  'date: 2025-13-45', 'date: 99999-01-01', 'date: 2025-02-30T25:61:00Z', 'n: 1e999', 'a: |\n  block\n bad indent', '"quoted key": [1, 2',
  '%YAML 2.0', '--- # a second document', 'title: >-\n', '@at: reserved', '`tick: reserved',
];
const brokenFrontMatter = fc
  .tuple(fc.array(fc.constantFrom(...BROKEN_YAML), { minLength: 1, maxLength: 5 }), markdown)
  .map(([yaml, body]) => `---\n${yaml.join('\n')}\n---\n${body}`)
  .map(parses('brokenFrontMatter'));

/** Front matter that is valid YAML but not a mapping: a list, a number, a string, null, a deep nest. */
const FRONT_MATTER_SHAPES = [
  '- a\n- b', '42', '-3.5', 'just a string', 'null', '~', 'true', '[1, 2, 3]', '"title: 引号里"', '2025-01-01', '', '# only a comment',
  'a:\n'.concat('  '.repeat(1), 'b:\n', '    c: deep'),
];
const frontMatterShape = fc
  .tuple(fc.constantFrom(...FRONT_MATTER_SHAPES), markdown)
  .map(([yaml, body]) => `---\n${yaml}\n---\n${body}`)
  .map(parses('frontMatterShape'));

const unclosedFrontMatter = fc
  .tuple(fc.array(fc.constantFrom('title: 没有结尾', '作者: 某人', 'date: 2025-01-01'), { minLength: 1, maxLength: 3 }), markdown)
  .map(([yaml, body]) => `---\n${yaml.join('\n')}\n${body.replace(/^---$/gm, '- - -')}`)
  .map(parses('unclosedFrontMatter'));

/** Summary, related and topic sections missing, repeated, empty or out of order. */
const SECTION_PARTS = [
  '## 摘要', '## 摘要', '## 相关文档', '## 关联主题', '## 定义', '## 元信息', '**一句话总结**', '**关键要点**', '**风险**', '### 关键要点', '### 风险与不足',
  '- 一条要点。', '- ', '1. ', '一段话。', '', '## ', '# ', '#', '###### 六级', '- [[01-博客/甲/乙|别名]] 关联理由：同一事件', '- [[00-元语/主题]]',
];
const sections = fc.array(fc.constantFrom(...SECTION_PARTS), { maxLength: 30 }).map((parts) => ['# 章节错乱', ...parts].join('\n')).map(parses('sections'));

/** Nesting past anything a writer would do: lists, quotes, brackets, fences, YAML maps. */
const deepNesting = fc
  .tuple(fc.constantFrom('list', 'quote', 'brackets', 'wikilinks', 'fences', 'yaml', 'parens', 'emphasis'), fc.integer({ min: 100, max: 3000 }))
  .map(([shape, depth]) => {
    // Indentation grows with depth, so the text grows with its square: those shapes nest less deep.
    const indented = Math.min(depth, 300);
    switch (shape) {
      case 'list':
        return Array.from({ length: indented }, (_, i) => `${'  '.repeat(i)}- 第 ${i} 层`).join('\n');
      case 'quote':
        return `${'>'.repeat(depth)} 引用`;
      case 'brackets':
        return `## 关联主题\n${'['.repeat(depth)}中${']'.repeat(depth)}`;
      case 'wikilinks':
        return `## 相关文档\n- ${'[['.repeat(depth)}目标${']]'.repeat(depth)}`;
      case 'fences':
        return Array.from({ length: depth }, (_, i) => '`'.repeat(3 + (i % 5)) + '\n## 标题').join('\n');
      case 'yaml':
        return `---\n${Array.from({ length: indented }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 值\n---\n# 深`;
      case 'parens':
        return `## 定义\n名称${'（'.repeat(depth)}别名${'）'.repeat(depth)}是一个主题。`;
      default:
        return `**${'*_'.repeat(depth)}强调${'_*'.repeat(depth)}**`;
    }
  })
  .map(parses('deepNesting'));

/**
 * One line of 100,000 characters or more, from units that make backtracking regexes go quadratic
 * (a run of openers, of blanks, of separators), put where each part of the parser reads it.
 */
const LONG_UNITS = [' ', '\t', '\u3000', '\u2028', '[', '[[', '![', '](', '[a](', '[[a|', '(', '（', '*', '**', ' *', '`', ':', '：', '- ', '1. ', '>', '#', '|', 'http://', '2025-', 'a: ', '是', '译为', '中', 'x'];
const LONG_CONTEXTS: ((line: string) => string)[] = [
  (line) => `${line}\n正文`,
  (line) => `---\ntitle: ${line}\n---\n# 标题`,
  (line) => `---\n${line}\n---\n# 标题`,
  (line) => `# 标题\n## 摘要\n${line}\n**关键要点**\n- ${line}\n### ${line}\n**${line}**`,
  (line) => `# 标题\n## 相关文档\n- ${line}`,
  (line) => `# 标题\n## 关联主题\n${line}`,
  (line) => `# 标题\n## 元信息\n- ${line}`,
  (line) => `# 标题\n## 定义\n${line}`,
  (line) => `# 标题\n## 正文\n${line}`,
  (line) => `# ${line}`,
];
const longLine = fc
  .tuple(fc.constantFrom(...LONG_UNITS), fc.constantFrom('', ' ', 'x', ')', ']', '\u2028'), fc.constantFrom(...LONG_CONTEXTS), fc.integer({ min: 100_000, max: 150_000 }))
  .map(([unit, end, context, length]) => context(unit.repeat(Math.ceil(length / unit.length)) + end))
  .map(parses('longLine'));

/** Link targets and aliases with the characters file names and links should never hold. */
const ODD = ['|', '#', '^', '[', ']', ']]', '[[', '\\', '/', '../', '..\\', '.md', ':', '*', '?', '"', '<', '>', '%2e%2e%2f', '\u202e', '\u200b', '\u200f', '😀', '👨‍👩‍👧', 'ﷺ', 'עברית', '\t', ' ', '@everyone', '<@&123>', '`', '$', '{', '}'];
const oddText = fc.array(fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
const oddWikilinks = fc
  .array(fc.tuple(oddText, oddText), { minLength: 1, maxLength: 6 })
  .map((links) => `# 奇怪的链接\n## 关联主题\n${links.map(([a]) => `- [[${a}]]`).join('\n')}\n## 相关文档\n${links.map(([a, b]) => `- [[${a}|${b}]] 关联理由：${b}`).join('\n')}`)
  .map(parses('oddWikilinks'));

const noiseFile = noise.map(parses('noise'));

/** Every kind of malformed file, by name; the first five cannot be read as text. */
export const BAD_KINDS: Record<string, fc.Arbitrary<BadFile>> = {
  binary, utf16, invalidUtf8, nul, empty,
  brokenFrontMatter, frontMatterShape, unclosedFrontMatter, sections, deepNesting, longLine, oddWikilinks, noise: noiseFile,
};

/** Folders a file can land in: each is parsed as a different kind of document. */
const FOLDERS = ['01-博客/坏', '00-元语', '02-资源/坏', '03-图书', '其他', ''];
/** File name characters that are legal on disk but odd in a path. */
const NAME_ODDITIES = ['', ' ', '#', '[1]', '%20', '（副本）', '😀', '\u202e', '..', "'", '&', ' .md'];

export type PlacedFile = BadFile & { path: string };

/** Where a file lands; the `n`-th file's path is unique by `n`, never in a dot-folder (those are not content). */
const place = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAME_ODDITIES));
const placeAll = (files: [BadFile, [string, string]][]): PlacedFile[] =>
  files.map(([file, [folder, oddity]], n) => ({ ...file, path: `${folder ? folder + '/' : ''}坏${n}${oddity}.md` }));

/** 25 to 35 malformed files of any kind. */
export const malformedFiles: fc.Arbitrary<PlacedFile[]> = fc
  .array(fc.tuple(fc.oneof(...Object.values(BAD_KINDS)), place), { minLength: 25, maxLength: 35 })
  .map(placeAll);

/** One malformed file of each kind. */
export const oneOfEachKind: fc.Arbitrary<PlacedFile[]> = fc.tuple(...Object.values(BAD_KINDS).map((kind) => fc.tuple(kind, place))).map(placeAll);

/** A well-formed article with a distinct title and summary, which must load whatever lies beside it. */
export function goodArticle(n: number): { path: string; content: string; word: string; title: string; oneLine: string; keyPoints: string[]; risks: string[] } {
  const word = `goodword${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26) % 26)}`;
  const title = `良好文章 ${word}`;
  const oneLine = `第 ${n} 篇完好的文章，说明 ${word} 的用途。`;
  const keyPoints = [`${word} 的第一个要点。`, `${word} 的第二个要点。`];
  const risks = [`${word} 的风险。`];
  const content = [
    '---',
    `title: "${title}"`,
    `发布日期: 2025-01-${String((n % 28) + 1).padStart(2, '0')}`,
    '作者: 测试',
    '---',
    '',
    '## 摘要',
    '',
    '**一句话总结**',
    oneLine,
    '',
    '**关键要点**',
    ...keyPoints.map((p) => `- ${p}`),
    '',
    '**风险**',
    ...risks.map((r) => `- ${r}`),
    '',
    '## 关联主题',
    '',
    '- [[00-元语/测试]]',
    '',
  ].join('\n');
  return { path: `01-博客/好/${title}.md`, content, word, title, oneLine, keyPoints, risks };
}
