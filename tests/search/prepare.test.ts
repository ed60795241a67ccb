import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../../src/search/prepare.js';
import { phraseSet } from '../../src/search/vocabulary.js';

const bodyKeywords = (body: string) =>
  prepareDoc({ title: '', oneLine: '', keyPoints: [], risks: [], topics: '', meta: '', lead: '', sections: [body] }, phraseSet([])).body;

/** `count` distinct Latin words no stop list holds: qaa, qab, … */
const words = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `q${String.fromCharCode(97 + Math.floor((from + i) / 26))}${String.fromCharCode(97 + ((from + i) % 26))}`);

describe('prepareDoc body keywords', () => {
  it('keeps a word the body says once, after the words it repeats', () => {
    expect(bodyKeywords('latency matters. tokens and latency, then latency again. throughput once.')).toEqual([
      'latency',
      'matters',
      'tokens',
      'again',
      'throughput',
      'once',
    ]);
  });

  it('keeps at most 250 words: the repeated ones, then the first said of the rest', () => {
    const once = words(300);
    const kept = bodyKeywords([...once, 'zzrepeated', 'zzrepeated'].join(' '));
    expect(kept).toHaveLength(250);
    expect(kept[0]).toBe('zzrepeated');
    expect(kept.slice(1)).toEqual(once.slice(0, 249));
  });
});
