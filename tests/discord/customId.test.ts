import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeCustomId, decodeOpenValue, encodeCustomId, encodeOpenValue, MAX_QUESTION, type ComponentState } from '../../src/discord/customId.js';

const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const question = fc.string({ unit: fc.constantFrom('英', '伟', '达', '|', ' ', 'a', '😀', '\\'), minLength: 1, maxLength: MAX_QUESTION });
const state: fc.Arbitrary<ComponentState> = fc.oneof(
  fc.constant({ kind: 'share' as const }),
  fc.constant({ kind: 'open' as const }),
  fc.record({ kind: fc.constant('askPage' as const), offset: fc.integer({ min: 0, max: 9999 }), limit: fc.integer({ min: 1, max: 10 }), since: fc.oneof(fc.constant(''), day), query: question }),
  fc.record({ kind: fc.constant('topicPage' as const), offset: fc.integer({ min: 0, max: 9999 }), topic: fc.string({ minLength: 1, maxLength: 120 }) }),
);

describe('custom ids', () => {
  test('any state round-trips through its id, or is refused when its text cannot fit in 100 characters', () => {
    fc.assert(
      fc.property(state, (s) => {
        const id = encodeCustomId(s);
        if (id === null) return;
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(id)).toEqual(s);
      }),
    );
  });

  // An emoji takes two of the 100 units; a question of 60 of them gets no page buttons (see renderAsk).
  test('any /ask question of up to 60 Chinese or Latin characters fits, with any page and date', () => {
    const bmpQuestion = fc.string({ unit: fc.constantFrom('英', '伟', '达', '|', ' ', 'a', '\\'), minLength: 1, maxLength: MAX_QUESTION });
    fc.assert(
      fc.property(bmpQuestion, day, (query, since) => {
        expect(encodeCustomId({ kind: 'askPage', offset: 9990, limit: 10, since, query })).not.toBeNull();
      }),
    );
  });

  test('reads as documented', () => {
    expect(encodeCustomId({ kind: 'askPage', offset: 5, limit: 5, since: '2025-01-01', query: '英伟达|芯片' })).toBe('v1|askPage|5|5|2025-01-01|英伟达|芯片');
  });

  test('ids from another version, another bot or garbled are refused', () => {
    for (const id of ['', 'v0|share', 'v2|share', 'share', 'v1|delete', 'v1|share|extra', 'v1|askPage|x|5||q', 'v1|askPage|0|5|2025-1-1|q', 'v1|askPage|0|5||', 'v1|topicPage|1|', 'some-other-bot:button']) {
      expect(decodeCustomId(id), id).toBeNull();
    }
  });

  test('any string decodes to a state or to null, never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (id) => void decodeCustomId(id)));
  });
});

describe('menu values', () => {
  test('documents and topics round-trip', () => {
    expect(decodeOpenValue(encodeOpenValue({ kind: 'doc', id: 'abc123' })!)).toEqual({ kind: 'doc', id: 'abc123' });
    expect(decodeOpenValue(encodeOpenValue({ kind: 'topic', name: '英伟达' })!)).toEqual({ kind: 'topic', name: '英伟达' });
  });

  test('unknown or empty values are refused', () => {
    for (const value of ['', 'd:', 't:', 'x:abc', 'abc']) expect(decodeOpenValue(value)).toBeNull();
  });
});
