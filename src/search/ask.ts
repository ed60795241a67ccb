import type { DocRecord } from '../digest/types.js';
import type { AskAnswer, AskHit, MatchedBullet } from './answers.js';
import { byPrefix, heldByMany, searchArticles, termBoost, type ArticleHit } from './articleSearch.js';
import { NearTerms } from './characters.js';
import { bulletLabelWords, titleNamed } from './labels.js';
import { docOf, isLatin, type SearchState } from './state.js';
import { normalize, tokenize } from './tokenize.js';
import { topicPageName } from './topics.js';

export interface AskOptions {
  limit?: number;
  offset?: number;
  /** Only articles dated on or after this day (YYYY-MM-DD). */
  since?: string;
}

/**
 * Share of the question's weight an answer must cover, else it is noise: in all, and in its title
 * and summary alone, since an article about something says so there, not only in passing.
 */
const MIN_COVERAGE = 0.4;
const MIN_SUMMARY_COVERAGE = 0.3;
const NEAREST_TOPICS = 5;
const DOC_WEIGHT = 0.5;
const BULLET_WEIGHT = 0.5;
/** Bullets past the best one add a little: several matching points beat one. */
const OTHER_BULLETS = 0.25;
/** Only the best documents by the index's own score get their bullets scored one by one. */
const RERANK = 100;
/** A term matched by prefix or typo tolerance counts less in a bullet than the word itself. */
const DERIVED_TERM = 0.5;

/**
 * A question that asks for a quantity (多少, 几个, 多久 …) is answered by a bullet with a number in
 * it; such bullets count this much more.
 */
const NUMBER_ANSWER = 1.6;
const ASKS_FOR_NUMBER = /多少|几[个道种次位年天倍家款条项名人台]|多久|多大|多长|多快|多高|多远|多重|多贵|比例|占比|百分之|规模|数量|价格|售价|估值|速度|how (many|much|long|fast)/i;
/**
 * A question that asks for the latest news (最新, 最近 …) prefers newer articles: among answers that
 * cover it alike, the newest by date scores up to this share more than the oldest.
 */
const RECENT = 0.25;
const ASKS_FOR_LATEST = /最新|最近|近期|latest|recent/i;
const HAS_NUMBER = /\d|[一二三四五六七八九十百千万亿]+[个倍%亿万]/;
/**
 * An article whose title opens with a name the question holds (`FFmpeg：…` for a question on
 * FFmpeg) is about it: it scores this much more, and stays an answer however little of the rest of
 * the question its summary says (a profile's summary is often English: `300+ websites` for 网站).
 */
const NAMED = 2;
/** A name in the summaries of more than this share of articles is common (AI, Claude, prompt): see `heldByMany`. */
const COMMON_NAME = 0.01;
/**
 * A bullet labelled with a question word (`多平台支持：…` for 平台) states the aspect asked about:
 * among its article's bullets it shows this much higher. Title words name the article, not an aspect.
 * A label holding a synonym of the word counts too: unlike a bullet's other words, a label is the
 * one place where the article names what the bullet is about.
 */
const LABELLED = 2;

/**
 * A Han word of the question that an article's summary lacks still counts this share of its weight
 * times how many of its characters one summary word shares (购 in 购物, 写 in 写作, 办公室 in 办事处
 * only by 办): Chinese says one thing in words that share characters, and the segmenter splits
 * what its dictionary lacks (网购 → 网|购). Words match first; characters only fill the gaps.
 */
const CHARACTERS = 0.5;
/** Typo tolerance is costly on a large index, so only a word that matched nothing as typed gets it. */
const FUZZY_MIN_LENGTH = 5;

export function ask(state: SearchState, query: string, options: AskOptions = {}): AskAnswer {
  const limit = clamp(options.limit ?? 5, 1, 50);
  const offset = Math.max(0, options.offset ?? 0);
  const tokens = [...new Set(tokenize(query, state.phrases))];
  const empty: AskAnswer = { query, results: [], total: 0, nearestTopics: [] };
  if (tokens.length === 0) return empty;

  let found = searchArticles(state, tokens, RERANK);
  const unmatched = tokens.filter((t) => isLatin(t) && t.length >= FUZZY_MIN_LENGTH && !found.holders.get(t));
  if (unmatched.length > 0) found = searchArticles(state, tokens, RERANK, { fuzzy: new Set(unmatched) });
  const { hits } = found;
  if (hits.length === 0) return { ...empty, nearestTopics: nearestTopics(state, tokens) };
  const weights = termWeights(found.holders, state.docs.length);
  const families = wordFamilies(tokens, weights);
  const totalWeight = families.weights.reduce((a, b) => a + b, 0);
  const maxDoc = hits[0]!.score;
  const numeric = ASKS_FOR_NUMBER.test(normalize(query));
  const near = new NearTerms(state.characters, tokens);
  const commonName = (name: string) => heldByMany(state, name, COMMON_NAME);
  // A synonym finds the article, but not which bullet answers: a name glossed in the article
  // tends to recur across its bullets (skills, 技能), so bullets are chosen by the question's words,
  // and by the terms those words reach themselves (agents from agent), synonyms of another or not.
  const own = (term: string) => tokens.some((token) => term === token || (byPrefix(token) && term.startsWith(token)));
  const synonyms = new Set(tokens.flatMap((token) => state.synonyms.get(token) ?? []).filter((term) => !own(term)));
  // Coverage first: most candidates of a long question cover too little of it to be answers, and
  // scoring their bullets, the costliest step, would only be thrown away. Bullet scores are then
  // scaled by the best among answers, not among all candidates.
  const answers = hits
    .map((hit) => {
      const path = hit.id as string;
      const partial = characterCredit(state, path, near, hit.summaryTerms, weights);
      const share = (found: readonly string[]) => coveredWeight(found, partial, families, weights) / totalWeight;
      const named = titleNamed(docOf(state, path).title, tokens, commonName);
      return { hit, path, named, coverage: share(hit.queryTerms), summaryCoverage: share(hit.summaryTerms) };
    })
    .filter((r) => (r.named || (r.summaryCoverage >= MIN_SUMMARY_COVERAGE && r.coverage >= MIN_COVERAGE)) && (!options.since || docOf(state, r.path).date >= options.since));
  const scored = answers.map((answer) => {
    const { hit, path } = answer;
    const bulletTerms = new Map<string, number>();
    for (const term of hit.terms) {
      const asked = tokens.includes(term);
      if (asked || !synonyms.has(term)) bulletTerms.set(term, termBoost(term) * (asked ? 1 : DERIVED_TERM));
    }
    const { global, local } = state.bulletScorer.score(path, bulletTerms, hit.titleTerms, familyKeys(hit.terms, families));
    if (numeric) numberBoost(docOf(state, path), global, local);
    const best = Math.max(0, ...global);
    return { ...answer, bulletScores: local, bulletScore: best + OTHER_BULLETS * (global.reduce((a, b) => a + b, 0) - best) };
  });
  const maxBullet = Math.max(1e-9, ...scored.map((s) => s.bulletScore));
  const ranked = scored
    .map((s) => ({ ...s, score: (s.named ? NAMED : 1) * s.coverage * s.coverage * (DOC_WEIGHT * (s.hit.score / maxDoc) + BULLET_WEIGHT * (s.bulletScore / maxBullet)) }))
    .sort((a, b) => b.score - a.score);
  if (ASKS_FOR_LATEST.test(normalize(query))) preferRecent(state, ranked);

  if (ranked.length === 0) return { ...empty, nearestTopics: nearestTopics(state, tokens, hits) };
  const results = ranked.slice(offset, offset + limit).map(({ path, score, bulletScores, hit }): AskHit => {
    const index = state.positions.get(path)!;
    const doc = state.docs[index]!;
    return {
      path: doc.path,
      id: state.ids[index]!,
      title: doc.title,
      url: doc.url,
      date: doc.date,
      author: doc.author,
      sourceName: doc.sourceName,
      score: Math.round(score * 1000) / 1000,
      oneLine: doc.oneLine,
      bullets: matchedBullets(doc, displayScores(state, doc, bulletScores, tokens, hit.titleTerms)),
      topics: doc.topics,
      related: doc.related,
    };
  });
  return { query, results, total: ranked.length, nearestTopics: [] };
}

/** Re-sorts answers with newer dates scoring more, by their date's rank among the answers. */
function preferRecent(state: SearchState, ranked: { path: string; score: number }[]): void {
  const dates = [...new Set(ranked.map((r) => docOf(state, r.path).date).filter(Boolean))].sort();
  if (dates.length < 2) return;
  for (const r of ranked) {
    const date = docOf(state, r.path).date;
    r.score *= 1 + (date ? (RECENT * dates.indexOf(date)) / (dates.length - 1) : 0);
  }
  ranked.sort((a, b) => b.score - a.score);
}

/** Boosts, in each score array, the bullets that hold a number; each bullet's text is tested once. */
function numberBoost(doc: DocRecord, ...arrays: number[][]): void {
  [doc.oneLine, ...doc.keyPoints, ...doc.risks].forEach((text, k) => {
    if (!HAS_NUMBER.test(text)) return;
    for (const scores of arrays) if (scores[k]! > 0) scores[k]! *= NUMBER_ANSWER;
  });
}

/**
 * The order bullets are shown in: a bullet labelled with a question word other than a title word,
 * or with a synonym of one (替代 for 取代, 沙盒 for sandbox), counts more, since a label names its
 * aspect. A bullet no question word matched is shown after all those matched when its label, or
 * failing that its text, holds such a synonym (图像支持 for 图片, stars for 星标): it speaks of what
 * was asked in other words, which is better shown than left out, but never before a matched one.
 */
function displayScores(state: SearchState, doc: DocRecord, scores: readonly number[], tokens: readonly string[], titleTerms: ReadonlySet<string>): number[] {
  const asked = tokens.filter((token) => termBoost(token) >= 1 && !titleTerms.has(token));
  const aspects = new Set(asked.flatMap((token) => [token, ...(state.synonyms.get(token) ?? [])]));
  const unmatched = Math.min(1, ...scores.filter((score) => score > 0)) / 2;
  const bullets = state.bullets.bullets[doc.path] ?? [];
  return [doc.oneLine, ...doc.keyPoints, ...doc.risks].map((text, k) => {
    const score = scores[k]!;
    if (k === 0 || aspects.size === 0) return score;
    if (bulletLabelWords(text).some((word) => aspects.has(word))) return score > 0 ? score * LABELLED : unmatched;
    if (score > 0) return score;
    return (bullets[k] ?? []).some((id) => aspects.has(state.bullets.terms[id]!)) ? unmatched / 2 : 0;
  });
}

/** Key points and risks that match, best first; bullet 0, the one-sentence summary, is shown apart. */
function matchedBullets(doc: DocRecord, scores: number[]): MatchedBullet[] {
  const bullets: MatchedBullet[] = [];
  scores.forEach((score, k) => {
    if (k === 0 || score <= 0) return;
    const isKeyPoint = k <= doc.keyPoints.length;
    const text = isKeyPoint ? doc.keyPoints[k - 1] : doc.risks[k - 1 - doc.keyPoints.length];
    if (text !== undefined) bullets.push({ kind: isKeyPoint ? 'keyPoint' : 'risk', text, score: Math.round(score * 1000) / 1000 });
  });
  return bullets.sort((a, b) => b.score - a.score);
}

/** The question's words grouped by what they spell: see `wordFamilies`. */
interface Families {
  /** Each word's family, and the share of the family's head it spells (1 for the head). */
  members: Map<string, { family: number; share: number }>;
  /** Per family: its head (its longest word) and its weight (its heaviest word's). */
  heads: string[];
  weights: number[];
}

/**
 * The question's words in families that count once towards coverage: a Han word with the pieces the
 * segmenter also yields for it (服务器 with 服务 and 务器), else 服务器 would weigh three words and a
 * question would turn on its longest word alone. An article with the head covers the family; one
 * with only pieces covers each piece's weight in the share of the head it spells (技巧: half of
 * 写作技巧), so an article on 技巧 alone is not taken for one on 写作技巧.
 */
function wordFamilies(tokens: readonly string[], weights: ReadonlyMap<string, number>): Families {
  const families: Families = { members: new Map(), heads: [], weights: [] };
  for (const token of tokens) {
    const head = isLatin(token) ? token : tokens.reduce((longest, t) => (t.length > longest.length && t.includes(token) ? t : longest), token);
    let family = families.heads.indexOf(head);
    if (family < 0) family = families.heads.push(head) - 1;
    families.weights[family] = Math.max(families.weights[family] ?? 0, weights.get(token)!);
    families.members.set(token, { family, share: token.length / head.length });
  }
  return families;
}

/** The weight of the question's families that `found` words, or `partial` credits, cover. */
function coveredWeight(found: readonly string[], partial: ReadonlyMap<string, number>, families: Families, weights: ReadonlyMap<string, number>): number {
  const pieces = new Array<number>(families.heads.length).fill(0);
  const credit = new Array<number>(families.heads.length).fill(0);
  for (const word of found) {
    const { family, share } = families.members.get(word)!;
    if (share === 1) credit[family] = families.weights[family]!;
    else pieces[family]! += share * weights.get(word)!;
  }
  for (const [word, value] of partial) {
    const { family } = families.members.get(word)!;
    credit[family] = Math.max(credit[family]!, value);
  }
  let sum = 0;
  families.weights.forEach((weight, f) => {
    sum += Math.max(credit[f]!, Math.min(weight, pieces[f]!));
  });
  return sum;
}

/**
 * The family of each term a hit matched: a query word's own, or for a term derived by prefix
 * (agents from agent), the family of the longest query word it extends.
 */
function familyKeys(terms: readonly string[], families: Families): Map<string, string> {
  const keys = new Map<string, string>();
  for (const term of terms) {
    let source = families.members.has(term) ? term : '';
    if (!source) for (const word of families.members.keys()) if (term.startsWith(word) && word.length > source.length) source = word;
    const head = source && families.heads[families.members.get(source)!.family]!;
    if (head && head !== term) keys.set(term, head);
  }
  return keys;
}

/** Weight each Han word the summary lacks as a word still earns by the summary word nearest it in characters. */
function characterCredit(
  state: SearchState,
  path: string,
  near: NearTerms,
  summaryTerms: readonly string[],
  weights: ReadonlyMap<string, number>,
): Map<string, number> {
  const best = new Float64Array(near.words.length);
  const keep = (word: number, similarity: number) => {
    if (similarity > best[word]!) best[word] = similarity;
  };
  for (const bullet of state.bullets.bullets[path] ?? []) for (const id of bullet) near.each(id, keep);
  const credit = new Map<string, number>();
  near.words.forEach((word, w) => {
    if (best[w]! > 0 && !summaryTerms.includes(word)) credit.set(word, CHARACTERS * best[w]! * weights.get(word)!);
  });
  return credit;
}

/** Inverse document frequency of each query term, read off the articles the query itself found. */
function termWeights(holders: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [term, count] of holders) weights.set(term, termBoost(term) * Math.log(1 + total / (count + 1)));
  return weights;
}

/**
 * Topics closest to the question, for the "nothing found" answer: topic pages that match its words,
 * then the topics of the articles that came nearest to answering.
 */
function nearestTopics(state: SearchState, tokens: string[], near: readonly ArticleHit[] = []): string[] {
  const names = searchArticles(state, tokens, NEAREST_TOPICS, { topics: true }).hits.map((hit) => topicPageName(docOf(state, hit.id)));
  const counts = new Map<string, number>();
  for (const hit of near.slice(0, 20)) for (const topic of docOf(state, hit.id).topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  names.push(...[...counts].sort((a, b) => b[1] - a[1]).map(([topic]) => topic));
  return [...new Set(names)].slice(0, NEAREST_TOPICS);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}
