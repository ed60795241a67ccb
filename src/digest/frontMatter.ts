import { createRequire } from 'node:module';

export type Meta = Record<string, unknown>;

type YamlParse = (text: string) => unknown;
let parseYaml: YamlParse | null = null;

/**
 * gray-matter's YAML engine (js-yaml's safeLoad), applied to the block found below. matter()
 * itself first strips comment lines with `/^\s*#[^\n]+/gm`, which is quadratic in the number of
 * blank lines: a front matter of many thousands of them took minutes. The engine is public at
 * runtime (`matter.engines`) but missing from the package's types. Required on first use: loading
 * gray-matter and js-yaml takes 40 ms, and a start from a saved index parses no file.
 */
function yaml(): YamlParse {
  parseYaml ??= (createRequire(import.meta.url)('gray-matter') as { engines: { yaml: { parse: YamlParse } } }).engines.yaml.parse;
  return parseYaml;
}

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
  // A leading rule with no closing one is a horizontal rule, not front matter: keep the whole text.
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return { meta: {}, body: text, warning: 'front matter is not closed' };
  const block = text.slice(4, 3 + close.index);
  const body = text.slice(3 + close.index + close[0].length);
  try {
    const data = yaml()(block);
    const meta = data && typeof data === 'object' && !Array.isArray(data) ? (data as Meta) : {};
    return { meta: keepWrittenDates(meta, block), body };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { meta: lineByLine(block), body, warning: `front matter YAML: ${reason}` };
  }
}

function lineByLine(block: string): Meta {
  const meta: Meta = {};
  for (const line of block.split('\n')) {
    const m = /^([^\s:][^:]*):\s*(.*)$/.exec(line);
    if (m) meta[m[1]!.trim()] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return meta;
}

/** YAML turns `2026-01-05T02:00+08:00` into a UTC instant, a day earlier; the date as written is what counts. */
function keepWrittenDates(meta: Meta, block: string): Meta {
  const written = lineByLine(block);
  for (const [key, value] of Object.entries(meta)) {
    if (value instanceof Date && typeof written[key] === 'string') meta[key] = written[key];
  }
  return meta;
}

/**
 * A front matter value as text: lists joined, dates as ISO days, objects ignored. Depth is bounded
 * because YAML aliases can make a list contain itself.
 */
export function metaText(value: unknown, depth = 0): string {
  if (value == null || depth > 3) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => metaText(item, depth + 1)).filter(Boolean).join(', ');
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
