import type { DocRecord, RelatedDoc } from '../digest/types.js';

/** The plain data each command answers with; renderers (terminal, Discord) only read these. */

export type BulletKind = 'keyPoint' | 'risk';

export interface MatchedBullet {
  kind: BulletKind;
  text: string;
  score: number;
}

export interface AskHit {
  path: string;
  /** Short stable id of the document, small enough for a Discord custom id. */
  id: string;
  title: string;
  url: string;
  date: string;
  author: string;
  sourceName: string;
  score: number;
  oneLine: string;
  /** Summary bullets that match the question, best first. */
  bullets: MatchedBullet[];
  topics: string[];
  related: RelatedDoc[];
}

export interface AskAnswer {
  query: string;
  results: AskHit[];
  /** Answers above the threshold among the 100 best candidates, of which `results` is a page. */
  total: number;
  /** When nothing clears the threshold: the topics nearest the question. */
  nearestTopics: string[];
}

export interface TopicArticle {
  path: string;
  id: string;
  title: string;
  date: string;
  url: string;
}

export interface TopicAnswer {
  query: string;
  /** The resolved topic's name, or null when the name matches none. */
  topic: string | null;
  definition: string;
  aliases: string[];
  total: number;
  results: TopicArticle[];
  /** When unresolved: the closest topic names. */
  suggestions: string[];
}

export interface SummaryHit extends DocRecord {
  id: string;
  score: number;
}

export interface SummaryAnswer {
  query: string;
  results: SummaryHit[];
}

export interface Suggestion {
  /** Shown to the user; at most 100 characters. */
  name: string;
  /** Sent back as the option's value; at most 100 characters. */
  value: string;
}

export interface IndexStats {
  /** Documents of kind article, resource or book: everything /ask can return. */
  articles: number;
  topics: number;
  files: number;
  /** When the index was built, ms since the epoch. */
  builtAt: number;
  /** How long the last build or load took, ms. */
  buildMs: number;
}
