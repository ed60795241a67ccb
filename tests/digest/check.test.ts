import { afterAll, describe, expect, it } from 'vitest';
import { checkText, checkVault } from '../../src/digest/check.js';
import { loadVault } from '../../src/digest/load.js';
import { parseDocument } from '../../src/digest/parse.js';
import { BYTE_FILES, cleanupTemp, copyVault, FILES } from '../helpers/vault.js';

afterAll(cleanupTemp);

describe('checkVault', () => {
  it('counts files, parsed documents and kinds, and lists skipped files with reasons', () => {
    const report = checkVault(loadVault(copyVault({ byteFixtures: true })));
    expect(report.files).toBe(20);
    expect(report.parsed).toBe(17);
    expect(report.byKind).toEqual({ article: 10, resource: 2, topic: 4, book: 1 });
    expect(report.skipped).toEqual([
      { path: BYTE_FILES.binary, reason: 'binary content (NUL bytes)' },
      { path: FILES.empty, reason: 'empty file' },
      { path: BYTE_FILES.invalidUtf8, reason: 'not valid UTF-8' },
    ]);
  });

  it('lists what each summary lacks, and never holds topic pages to a summary', () => {
    const report = checkVault(loadVault(copyVault({ byteFixtures: true })));
    expect(report.missing.oneLine).toEqual([]);
    expect(report.missing.keyPoints.map((f) => f.path)).not.toContain(FILES.topicLLM);
    expect(report.missing.risks).toEqual([
      { path: FILES.cloudflare, reason: '摘要中没有风险条目' },
      { path: BYTE_FILES.crlfBom, reason: '摘要中没有风险条目' },
      { path: FILES.listFrontMatter, reason: '摘要中没有风险条目' },
      { path: FILES.numberFrontMatter, reason: '摘要中没有风险条目' },
    ]);
  });

  it('says a document has no summary at all when every part is missing', () => {
    const doc = parseDocument('01-博客/甲/无摘要.md', '# 无摘要\n\n## 正文\n\n只有正文。\n');
    const report = checkVault({ docs: [doc], skipped: [] });
    expect(report.missing).toEqual({
      oneLine: [{ path: '01-博客/甲/无摘要.md', reason: '没有 ## 摘要 部分' }],
      keyPoints: [{ path: '01-博客/甲/无摘要.md', reason: '没有 ## 摘要 部分' }],
      risks: [{ path: '01-博客/甲/无摘要.md', reason: '没有 ## 摘要 部分' }],
    });
  });
});

describe('checkText', () => {
  it('prints the counts first, then each list with its findings', () => {
    const doc = parseDocument('01-博客/甲/文.md', '# 文\n\n## 摘要\n\n一句话。\n\n- 要点。\n');
    const text = checkText(checkVault({ docs: [doc], skipped: [{ path: 'x.md', reason: 'empty file' }] }));
    expect(text.split('\n')).toEqual([
      '文件 2，解析 1，跳过 1',
      '文章 1，资源档案 0，图书 0，主题页 0',
      '缺一句话总结 0，缺关键要点 0，缺风险条目 1',
      '',
      '跳过的文件（1）：',
      '  x.md: empty file',
      '',
      '缺风险条目（1）：',
      '  01-博客/甲/文.md: 摘要中没有风险条目',
    ]);
  });
});
