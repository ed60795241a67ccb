import type { LoadedVault } from './load.js';
import type { DocKind } from './types.js';

export interface Finding {
  path: string;
  reason: string;
}

export interface CheckReport {
  files: number;
  parsed: number;
  byKind: Record<DocKind, number>;
  skipped: Finding[];
  /** Documents that parsed but lack a summary part; topic pages are not expected to have one. */
  missing: { oneLine: Finding[]; keyPoints: Finding[]; risks: Finding[] };
}

/** The vault doctor: what loaded, what was skipped, and what each summary lacks, with reasons. */
export function checkVault(vault: LoadedVault): CheckReport {
  const byKind: Record<DocKind, number> = { article: 0, resource: 0, topic: 0, book: 0 };
  const missing: CheckReport['missing'] = { oneLine: [], keyPoints: [], risks: [] };
  for (const doc of vault.docs) {
    byKind[doc.kind]++;
    if (doc.kind === 'topic') continue;
    const hasSummary = doc.oneLine || doc.keyPoints.length || doc.risks.length;
    const why = (part: string) => (hasSummary ? `摘要中没有${part}` : '没有 ## 摘要 部分');
    if (!doc.oneLine) missing.oneLine.push({ path: doc.path, reason: why('一句话总结') });
    if (!doc.keyPoints.length) missing.keyPoints.push({ path: doc.path, reason: why('关键要点') });
    if (!doc.risks.length) missing.risks.push({ path: doc.path, reason: why('风险条目') });
  }
  return {
    files: vault.docs.length + vault.skipped.length,
    parsed: vault.docs.length,
    byKind,
    skipped: vault.skipped.map(({ path, reason }) => ({ path, reason })),
    missing,
  };
}

export function checkText(report: CheckReport): string {
  const k = report.byKind;
  const lines = [
    `文件 ${report.files}，解析 ${report.parsed}，跳过 ${report.skipped.length}`,
    `文章 ${k.article}，资源档案 ${k.resource}，图书 ${k.book}，主题页 ${k.topic}`,
    `缺一句话总结 ${report.missing.oneLine.length}，缺关键要点 ${report.missing.keyPoints.length}，缺风险条目 ${report.missing.risks.length}`,
  ];
  const list = (title: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    lines.push('', `${title}（${findings.length}）：`, ...findings.map((f) => `  ${f.path}: ${f.reason}`));
  };
  list('跳过的文件', report.skipped);
  list('缺一句话总结', report.missing.oneLine);
  list('缺关键要点', report.missing.keyPoints);
  list('缺风险条目', report.missing.risks);
  return lines.join('\n');
}
