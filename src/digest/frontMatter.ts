import matter from 'gray-matter';

export type Meta = Record<string, unknown>;

export interface FrontMatterResult {
  meta: Meta;
  body: string;
  /** Set when the YAML was broken and a line-by-line reading was used instead. */
  warning?: string;
}

/**
 * Splits front matter from the body. Real vaults hold broken YAML (unbalanced quotes, tabs);
 * rather than lose such a file, its `key: value` lines are read one by one.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { meta: {}, body: text };
  try {
    // Passing options turns off gray-matter's cache, which would keep every file's text alive.
    const parsed = matter(text, { excerpt: false });
    const data: unknown = parsed.data;
    const meta = data && typeof data === 'object' && !Array.isArray(data) ? (data as Meta) : {};
    return { meta, body: parsed.content };
  } catch (error) {
    const end = text.indexOf('\n---', 3);
    if (end < 0) return { meta: {}, body: text, warning: 'front matter is not closed' };
    const meta: Meta = {};
    for (const line of text.slice(4, end).split('\n')) {
      const m = /^([^\s:][^:]*):\s*(.*)$/.exec(line);
      if (m) meta[m[1]!.trim()] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { meta, body: text.slice(text.indexOf('\n', end + 1) + 1), warning: `front matter YAML: ${reason}` };
  }
}

/** A front matter value as text: lists joined, dates as ISO days, objects ignored. */
export function metaText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(metaText).filter(Boolean).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  return '';
}

/** The first of several keys that has a value; keys are matched without regard to case. */
export function pickMeta(meta: Meta, keys: readonly string[]): string {
  const lowered = new Map(Object.entries(meta).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const key of keys) {
    const text = metaText(lowered.get(key.toLowerCase()));
    if (text) return text;
  }
  return '';
}
