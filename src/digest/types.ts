/** What a vault file is, by the top-level folder it lives in. */
export type DocKind = 'article' | 'resource' | 'topic' | 'book';

export interface RelatedDoc {
  /** Wikilink target as written, e.g. `01-博客/OpenAI/xxx` (no `.md`). */
  target: string;
  /** Display title: the link's alias, or the target's last segment. */
  title: string;
  /** The stated reason (关联理由 and 说明), empty when the line gives none. */
  reason: string;
}

export interface Section {
  heading: string;
  text: string;
}

/** One parsed markdown file of the vault: plain data, safe to serialise. */
export interface DigestDoc {
  /** Relative to the vault root, forward slashes, with `.md`. */
  path: string;
  kind: DocKind;
  title: string;
  /** ISO `YYYY-MM-DD` when the file states a date, else empty. */
  date: string;
  author: string;
  sourceName: string;
  /** First http(s) link the file gives for its original, else empty. */
  url: string;
  oneLine: string;
  keyPoints: string[];
  risks: string[];
  /** Topic names from `## 关联主题`, e.g. `OpenAI` for `[[00-元语/OpenAI]]`. */
  topics: string[];
  related: RelatedDoc[];
  /** Body sections other than the summary, related docs and topics. */
  sections: Section[];
  /** Topic pages only: the 定义 section, and aliases the page states. */
  definition: string;
  aliases: string[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** What the engine keeps of a document once indexed: everything but the body, which is only searched. */
export type DocRecord = Omit<DigestDoc, 'sections'>;
