import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/discord/errors.js';
import { CUT_MARK } from '../../src/discord/text.js';
import { fitEmbeds, prepare, prepareChoices } from '../../src/discord/reply.js';
import { limitViolations } from './withinLimits.js';

const long = (n: number) => '芯'.repeat(n);

describe('prepare', () => {
  test('a reply is private by default and pings nobody', () => {
    expect(prepare({ content: '你好 @everyone' })).toEqual({ content: '你好 @everyone', embeds: [], components: [], flags: 64, allowedMentions: { parse: [] } });
  });

  test('a shared reply is public, still pinging nobody', () => {
    expect(prepare({ content: '公开', ephemeral: false })).toEqual({ content: '公开', embeds: [], components: [], allowedMentions: { parse: [] } });
  });

  test('a user error becomes a private message', () => {
    expect(prepare(new UserError('没有这个主题。'))).toEqual({ content: '没有这个主题。', embeds: [], components: [], flags: 64, allowedMentions: { parse: [] } });
  });

  test('over-long content is cut with the mark', () => {
    const { content } = prepare({ content: long(3000) });
    expect(content!.length).toBe(2000);
    expect(content!.endsWith(CUT_MARK)).toBe(true);
  });
});

describe('fitEmbeds', () => {
  test('ten full-size embeds share the 6000 characters evenly, each cut visibly', () => {
    const embeds: APIEmbed[] = Array.from({ length: 12 }, (_, i) => ({ title: `第 ${i} 篇`, description: long(4000), footer: { text: '2025-01-01 · 作者' } }));
    const fitted = fitEmbeds(embeds);
    expect(fitted).toHaveLength(10);
    const lengths = fitted.map((e) => e.description!.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    for (const e of fitted) expect(e.description!.endsWith(CUT_MARK)).toBe(true);
    expect(limitViolations(prepare({ embeds: fitted }))).toEqual([]);
  });

  test('embeds within the limits are left as they are', () => {
    const embeds: APIEmbed[] = [{ title: '标题', description: '描述', fields: [{ name: '要点', value: '• 一' }] }];
    expect(fitEmbeds(embeds)).toEqual(embeds);
  });

  test('any embeds come out within every limit', () => {
    const text = (max: number) => fc.string({ unit: fc.constantFrom('芯', 'a', '😀', ' '), maxLength: max, size: 'max' });
    const embed = fc.record({
      title: text(400),
      description: text(5000),
      footer: fc.record({ text: text(100) }),
      fields: fc.array(fc.record({ name: text(30).map((n) => n || '名'), value: text(1500).map((v) => v || '值') }), { maxLength: 30, size: 'max' }),
    });
    fc.assert(
      fc.property(fc.array(embed, { maxLength: 12, size: 'max' }), (embeds) => {
        expect(limitViolations(prepare({ embeds }))).toEqual([]);
      }),
      // Bounded: shrinking a failure this large could otherwise run for minutes; a slow run fails.
      { numRuns: 50, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
    );
  });
});

describe('prepareChoices', () => {
  test('at most 25 choices, names cut to 100, over-long values dropped rather than changed', () => {
    const suggestions = [
      { name: long(150), value: '长名字' },
      { name: '太长的值', value: long(101) },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `主题 ${i}`, value: `主题 ${i}` })),
    ];
    const choices = prepareChoices(suggestions);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: `${long(99)}…`, value: '长名字' });
    expect(choices.some((c) => c.name === '太长的值')).toBe(false);
  });
});
