import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { slowDown } from '../../src/discord/errors.js';
import { RateLimiter } from '../../src/discord/rateLimit.js';

/** A limiter on a clock the test sets: `take(user, at)` takes at time `at` (ms). */
function limiter(limit: number, windowMs: number) {
  let now = 0;
  const rate = new RateLimiter({ limit, windowMs }, () => now);
  return { rate, take: (user: string, at: number) => ((now = at), rate.take(user)) };
}

describe('per-user rate limit', () => {
  test('admits `limit` interactions in a window, then says how long until the oldest leaves it', () => {
    const { take } = limiter(3, 1000);
    expect([take('u', 0), take('u', 100), take('u', 200)]).toEqual([0, 0, 0]);
    expect(take('u', 300)).toBe(700);
    expect(take('u', 999)).toBe(1);
  });

  test('the window slides: each admitted interaction frees its slot exactly one window later', () => {
    const { take } = limiter(3, 1000);
    for (const at of [0, 100, 200]) take('u', at);
    expect(take('u', 1000)).toBe(0);
    expect(take('u', 1050)).toBe(50);
    expect(take('u', 1100)).toBe(0);
  });

  test('refused attempts do not count: spamming while refused does not push the next chance back', () => {
    const { take } = limiter(2, 1000);
    take('u', 0);
    take('u', 0);
    for (let at = 10; at < 1000; at += 10) expect(take('u', at)).toBe(1000 - at);
    expect(take('u', 1000)).toBe(0);
  });

  test('each user has a window of their own', () => {
    const { take } = limiter(1, 1000);
    expect(take('a', 0)).toBe(0);
    expect(take('a', 1)).toBe(999);
    expect(take('b', 2)).toBe(0);
  });

  test('users idle for a window are forgotten, so memory follows the active users only', () => {
    const { rate, take } = limiter(5, 1000);
    for (let i = 0; i < 1000; i++) take(`user${i}`, i % 1000);
    expect(rate.size).toBe(1000);
    take('late', 2000);
    expect(rate.size).toBe(1);
  });

  test('in any sequence of attempts, no window holds more than `limit` admitted, and an attempt is refused only when its window is full', () => {
    const attempts = fc.array(fc.record({ user: fc.constantFrom('a', 'b'), gap: fc.integer({ min: 0, max: 400 }) }), { maxLength: 200 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), attempts, (limit, list) => {
        const { take } = limiter(limit, 1000);
        const admitted: Record<string, number[]> = { a: [], b: [] };
        let at = 0;
        for (const { user, gap } of list) {
          at += gap;
          const inWindow = admitted[user]!.filter((t) => t > at - 1000);
          const wait = take(user, at);
          if (wait === 0) {
            expect(inWindow.length).toBeLessThan(limit);
            admitted[user]!.push(at);
          } else {
            expect(inWindow.length).toBe(limit);
            expect(wait).toBe(inWindow[0]! + 1000 - at);
          }
        }
      }),
    );
  });

  test('the reply says when to retry, in whole seconds rounded up', () => {
    expect(slowDown(9_999).message).toBe('你的操作太频繁了，请 10 秒后再试。');
    expect(slowDown(1).message).toBe('你的操作太频繁了，请 1 秒后再试。');
  });
});
