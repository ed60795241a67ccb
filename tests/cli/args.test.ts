import { describe, expect, it } from 'vitest';
import { COMMANDS, parseArgs, UsageError } from '../../src/cli/args.js';

const parse = (...argv: string[]) => parseArgs(argv, 'seeds');

describe('parseArgs', () => {
  it('reads the command, the query words and the options', () => {
    expect(parse('ask', '英伟达', '的', '芯片', '--dir', '/vault', '--json', '--limit', '7')).toEqual({
      command: 'ask',
      query: '英伟达 的 芯片',
      dir: '/vault',
      json: true,
      limit: 7,
      kind: 'title',
    });
  });

  it('reads options in any position, and defaults the rest', () => {
    expect(parse('--json', 'topic', 'OpenAI')).toEqual({ command: 'topic', query: 'OpenAI', dir: 'seeds', json: true, limit: undefined, kind: 'title' });
  });

  it('gives a null query, meaning stdin, when no query is given', () => {
    expect(parse('summary')).toMatchObject({ command: 'summary', query: null });
    expect(parse('check', '--json')).toMatchObject({ command: 'check', query: null, json: true });
  });

  it('reads which kind autocomplete completes', () => {
    expect(parse('autocomplete', 'topic', 'open')).toMatchObject({ command: 'autocomplete', kind: 'topic', query: 'open' });
    expect(parse('autocomplete', 'title')).toMatchObject({ kind: 'title', query: null });
  });

  it('asks for the usage on --help or -h anywhere, even among mistakes', () => {
    expect(parse('--help')).toBe('help');
    expect(parse('ask', '英伟达', '-h')).toBe('help');
    expect(parse('frobnicate', '--limit', '0', '--help')).toBe('help');
  });

  it('knows exactly the six commands', () => {
    expect(COMMANDS).toEqual(['ask', 'topic', 'summary', 'autocomplete', 'check', 'export']);
  });

  it.each([
    [[], 'missing command'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['ask', '--verbose'], 'unknown option --verbose'],
    [['ask', '--dir'], '--dir needs a value'],
    [['ask', '--limit'], '--limit needs a value'],
    [['ask', '--limit', '0'], '--limit must be an integer from 1 to 100, got "0"'],
    [['ask', '--limit', '101'], '--limit must be an integer from 1 to 100, got "101"'],
    [['ask', '--limit', '2.5'], '--limit must be an integer from 1 to 100, got "2.5"'],
    [['ask', '--limit', 'ten'], '--limit must be an integer from 1 to 100, got "ten"'],
    [['autocomplete'], 'autocomplete needs "title" or "topic"'],
    [['autocomplete', 'author'], 'autocomplete needs "title" or "topic"'],
  ])('rejects %j with a UsageError: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });
});
