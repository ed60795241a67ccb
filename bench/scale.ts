/**
 * `npm run scale -- [FACTOR] [OUT]`: a synthetic vault FACTOR times the size of the real one, made
 * from the real vault's own text shuffled into new articles (titles, summary bullets and body
 * sections drawn from different articles), so `npm run bench -- OUT` shows how cost grows.
 * Topic pages are kept as they are, so topics and aliases still resolve.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadVault } from '../src/digest/load.js';
import type { DigestDoc } from '../src/digest/types.js';
import { REAL_VAULT, requireVault } from './lib.js';

/** A small deterministic generator, so the same factor always yields the same vault. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function article(doc: DigestDoc, copy: number, pick: () => DigestDoc, draw: () => number): string {
  const donors = [pick(), pick(), pick()];
  const keyPoints = [...doc.keyPoints.slice(0, 3), ...donors[0]!.keyPoints.slice(0, 3)];
  const risks = [...doc.risks.slice(0, 1), ...donors[1]!.risks.slice(0, 2)];
  const sections = [...doc.sections.slice(0, 2), ...donors[2]!.sections.slice(0, 2)];
  const date = `20${20 + Math.floor(draw() * 7)}-${String(1 + Math.floor(draw() * 12)).padStart(2, '0')}-${String(1 + Math.floor(draw() * 28)).padStart(2, '0')}`;
  return [
    '---',
    `title: ${JSON.stringify(`${doc.title}（合成 ${copy}）`)}`,
    `发布日期: "${date}"`,
    doc.author ? `作者: ${JSON.stringify(doc.author)}` : '',
    doc.url ? `原文链接: "${doc.url}#copy-${copy}"` : '',
    '---',
    '',
    '## 摘要',
    '',
    '**1) 一句话总结**',
    donors[0]!.oneLine || doc.oneLine,
    '',
    '**2) 关键要点**',
    ...keyPoints.map((p) => `*   ${p}`),
    '',
    '**3) 风险与不足**',
    ...risks.map((p) => `*   ${p}`),
    '',
    '## 正文',
    '',
    ...sections.flatMap((s) => [s.heading ? `### ${s.heading}` : '', s.text, '']),
    '## 关联主题',
    '',
    ...[...new Set([...doc.topics, ...donors[0]!.topics.slice(0, 1)])].map((t) => `- [[00-元语/${t}]]`),
    '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

function main(): void {
  const [factorText = '10', out = join('.cache', 'scale-vault')] = process.argv.slice(2);
  const factor = Number(factorText);
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`scale: FACTOR must be a positive integer, got "${factorText}"`);
  if (!requireVault(REAL_VAULT, 'scale')) return;
  const { docs } = loadVault(REAL_VAULT);
  const articles = docs.filter((d) => d.kind !== 'topic');
  const draw = random(factor);
  const pick = () => articles[Math.floor(draw() * articles.length)]!;
  rmSync(out, { recursive: true, force: true });
  let written = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
    written++;
  };
  for (const doc of docs.filter((d) => d.kind === 'topic')) write(doc.path, `## 定义\n\n${doc.definition}\n`);
  for (let copy = 1; copy <= factor; copy++) {
    for (const doc of articles) write(doc.path.replace(/\.md$/, ` ${copy}.md`), article(doc, copy, pick, draw));
    process.stderr.write(`\rscale: copy ${copy}/${factor}`);
  }
  process.stderr.write('\n');
  console.log(`scale: wrote ${written} files (${factor}× ${articles.length} articles) to ${out}`);
}

main();
