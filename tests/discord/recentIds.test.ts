import { expect, test } from 'vitest';
import { RecentIds } from '../../src/discord/recentIds.js';

test('an id is new once, then known', () => {
  const seen = new RecentIds(3);
  expect(seen.add('1')).toBe(true);
  expect(seen.add('1')).toBe(false);
});

test('past `max` ids, the oldest is forgotten first', () => {
  const seen = new RecentIds(3);
  for (const id of ['1', '2', '3', '4']) seen.add(id);
  expect(seen.add('2')).toBe(false);
  expect(seen.add('1')).toBe(true);
});
