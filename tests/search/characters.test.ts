import { describe, expect, it } from 'vitest';
import { characterIndex, NearTerms, nearWords } from '../../src/search/characters.js';

describe('nearWords', () => {
  const terms = ['良率', '良品率', '提升', 'yield', '率'];
  const index = characterIndex(terms);

  it('scores each summary word by the characters it shares with the word over the longer length', () => {
    expect(nearWords(index, '良品率')).toEqual(
      new Map([
        [0, 2 / 3],
        [1, 1],
        [4, 1 / 3],
      ]),
    );
  });

  it('counts a character the word repeats once', () => {
    expect(nearWords(index, '率率')).toEqual(
      new Map([
        [0, 1 / 2],
        [1, 1 / 3],
        [4, 1 / 2],
      ]),
    );
  });

  it('leaves Latin words out, and finds nothing for a word sharing no character', () => {
    expect(index.lengths[3]).toBe(0);
    expect(nearWords(index, 'yield')).toEqual(new Map());
    expect(nearWords(index, '芯片')).toEqual(new Map());
  });
});

describe('NearTerms', () => {
  const index = characterIndex(['良率', '提升', 'yield', '功耗', '提率']);
  const entries = (near: NearTerms, id: number) => {
    const found: [string, number][] = [];
    near.each(id, (word, similarity) => found.push([near.words[word]!, similarity]));
    return found.sort();
  };

  it('lists, per summary term, the question’s Han words near it and how near', () => {
    const near = new NearTerms(index, ['良品率', '提高', 'yield']);
    expect(near.words).toEqual(['良品率', '提高']);
    expect([0, 1, 2, 3, 4].map((id) => entries(near, id))).toEqual([
      [['良品率', 2 / 3]],
      [['提高', 1 / 2]],
      [],
      [],
      [
        ['提高', 1 / 2],
        ['良品率', 1 / 3],
      ],
    ]);
  });
});
