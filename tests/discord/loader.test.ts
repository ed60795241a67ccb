import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { expect, test } from 'vitest';
import { COMMANDS_DIR, loadCommands } from '../../src/discord/loader.js';
import { REPO } from './e2e/botProcess.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

test('loads the six commands of the repository', async () => {
  const { log } = capture();
  const commands = await loadCommands(COMMANDS_DIR, log);
  expect([...commands.keys()]).toEqual(['ask', 'follow', 'following', 'summary', 'topic', 'unfollow']);
});

test('skips, and logs with the reason, every file that is not a usable command', async () => {
  const { log, lines } = capture();
  const commands = await loadCommands(join(REPO, 'tests/discord/fixtures/commands'), log);
  expect([...commands.keys()]).toEqual(['good']);
  const skipped = lines.filter((l) => l.level === 40).map((l) => [l.file, l.reason]);
  expect(skipped).toEqual([
    ['README.md', 'not a .ts file'],
    ['broken.ts', 'failed to import'],
    ['noExport.ts', 'does not export `command` with a definition and a run function'],
    ['sameName.ts', 'command name "good" is already taken'],
  ]);
});
