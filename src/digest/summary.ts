import { collectBullets, matchBullet, paragraphText } from './markdown.js';

export interface SummaryParts {
  oneLine: string;
  keyPoints: string[];
  risks: string[];
}

type Part = 'oneLine' | 'keyPoints' | 'risks';

/** The vault words its summary labels many ways; these cover every variant seen, and close relatives. */
const PART_PATTERNS: [Part, RegExp][] = [
  ['oneLine', /一句话|总结|摘要|概述|概要|简介|tl;?dr|summary/i],
  ['risks', /风险|不足|局限|缺口|缺陷|隐患|差距|漏洞|缺漏|限制|注意事项|争议|挑战|risk|limitation|caveat/i],
  ['keyPoints', /要点|关键|核心|重点|信息|亮点|发现|主要|key ?points?|highlights?|takeaways?/i],
];

export function classifyLabel(label: string): Part | null {
  const cleaned = label
    .replace(/^[#\s]*/, '')
    .replace(/^(?:\d{1,2}|[一二三四五六七八九十])\s*[).、.）:：]?\s*/, '')
    // Both linear in the label's length: a note may not open another, and a trailing run is
    // matched only from its start (a long line of spaces is not a label, but is tried as one).
    .replace(/[（(][^（(）)]*[）)]/g, '')
    .replace(/(?<![:：\s])[:：\s]+$/, '')
    .trim();
  if (!cleaned || Array.from(cleaned).length > 20) return null;
  for (const [part, pattern] of PART_PATTERNS) if (pattern.test(cleaned)) return part;
  return null;
}

interface Label {
  part: Part;
  /** Text that follows the label on the same line (`**一句话总结**：…`). */
  rest: string;
}

/** A summary part label: a `###` heading, a bold line, or a short `标签：` prefix; never a list item. */
export function matchLabel(line: string): Label | null {
  const trimmed = line.trim();
  if (!trimmed || matchBullet(line)) return null;
  const heading = /^#{3,6}\s+(.*)$/.exec(trimmed);
  if (heading) {
    const part = classifyLabel(heading[1]!.replace(/\*\*/g, ''));
    return part ? { part, rest: '' } : null;
  }
  const bold = /^\*\*(.+?)\*\*\s*[:：]?\s*(.*)$/.exec(trimmed);
  if (bold) {
    const part = classifyLabel(bold[1]!);
    return part ? { part, rest: bold[2]! } : null;
  }
  const prefixed = /^([^:：]{2,16})[:：]\s*(.*)$/.exec(trimmed);
  if (prefixed) {
    const part = classifyLabel(prefixed[1]!);
    return part ? { part, rest: prefixed[2]! } : null;
  }
  return null;
}

/**
 * Reads a `## 摘要` section. Labelled parts are recognised by their wording; an unlabelled summary
 * (a paragraph, then bullets) reads as the one-sentence summary followed by key points.
 */
export function parseSummary(lines: string[]): SummaryParts {
  const preamble: string[] = [];
  const parts: Record<Part, string[]> = { oneLine: [], keyPoints: [], risks: [] };
  let current: string[] = preamble;
  for (const line of lines) {
    const label = matchLabel(line);
    if (label) {
      current = parts[label.part];
      if (label.rest) current.push(label.rest);
    } else {
      current.push(line);
    }
  }
  const oneLineSource = parts.oneLine.some((l) => l.trim()) ? parts.oneLine : preamble;
  let oneLine = paragraphText(oneLineSource);
  if (!oneLine) oneLine = collectBullets(oneLineSource).join(' ');
  // Bullets written straight under the summary heading, before any label, are key points too.
  const keyPoints = [...collectBullets(preamble), ...bulletsOrParagraph(parts.keyPoints)];
  return { oneLine, keyPoints, risks: bulletsOrParagraph(parts.risks) };
}

function bulletsOrParagraph(lines: string[]): string[] {
  const bullets = collectBullets(lines);
  if (bullets.length > 0) return bullets;
  const text = paragraphText(lines);
  return text ? [text] : [];
}
