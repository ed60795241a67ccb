import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HanCoverage } from '../../src/search/coverage.js';

const han = fc.constantFrom(...Array.from('人工智能模型芯片英伟达推出编程超快的在和大小'));
const text = fc.array(fc.oneof(han, han, han, fc.constantFrom(' ', 'a', '，', '1')), { maxLength: 40 }).map((chars) => chars.join(''));

describe('HanCoverage', () => {
  it('covers every run of Han characters the text holds', () => {
    const withPiece = text.chain((sample) => fc.tuple(fc.constant(sample), fc.nat(sample.length), fc.nat(sample.length)));
    fc.assert(
      fc.property(withPiece, ([sample, a, b]) => {
        const coverage = new HanCoverage();
        coverage.add(sample);
        const piece = sample.slice(Math.min(a, b), Math.max(a, b));
        if (/^[\u4e00-\u9fff]+$/.test(piece)) expect(coverage.covers(piece)).toBe(true);
      }),
    );
  });

  it('does not cover a character, pair or triple the text lacks', () => {
    const coverage = new HanCoverage();
    coverage.add('英伟达推出芯片');
    expect(coverage.covers('英伟达')).toBe(true);
    expect(coverage.covers('达推出芯')).toBe(true);
    expect(coverage.covers('模型')).toBe(false);
    expect(coverage.covers('伟英')).toBe(false);
    expect(coverage.covers('英伟推')).toBe(false);
  });

  it('does not join runs across other characters', () => {
    const coverage = new HanCoverage();
    coverage.add('英伟 达，芯片');
    expect(coverage.covers('英伟')).toBe(true);
    expect(coverage.covers('伟达')).toBe(false);
    expect(coverage.covers('达芯')).toBe(false);
  });

  it('covers no empty or non-Han word', () => {
    const coverage = new HanCoverage();
    coverage.add('AI 芯片');
    expect(coverage.covers('')).toBe(false);
    expect(coverage.covers('ai')).toBe(false);
    expect(coverage.covers('芯片', 1, 2)).toBe(true);
  });
});
