export const COMMANDS = ['ask', 'topic', 'summary', 'autocomplete', 'check', 'export'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliArgs {
  command: CommandName;
  /** Null: read queries from stdin, one per line. */
  query: string | null;
  dir: string;
  json: boolean;
  limit: number | undefined;
  /** `autocomplete` only: complete titles or topics. */
  kind: 'title' | 'topic';
}

/** A mistake on the command line; main prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `用法 / usage:
  npm run --silent cli -- <ask|topic|summary> [QUERY] [--dir VAULT] [--json] [--limit N]
  npm run --silent cli -- autocomplete <title|topic> [PREFIX] [--dir VAULT] [--json]
  npm run --silent cli -- check [--dir VAULT] [--json]
  npm run --silent cli -- export [--dir VAULT]
Without QUERY, queries are read from stdin, one per line, and answered one per line.
--dir defaults to $DIGEST_DIR, else seeds/.`;

/** The arguments, or 'help' when they ask for the usage (`--help` or `-h`, anywhere). */
export function parseArgs(argv: readonly string[], defaultDir: string): CliArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const positional: string[] = [];
  let dir = defaultDir;
  let json = false;
  let limit: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--dir') dir = value();
    else if (arg === '--limit') {
      const text = value();
      limit = Number(text);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(`--limit must be an integer from 1 to 100, got "${text}"`);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, ...rest] = positional;
  if (!command) throw new UsageError('missing command');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  let kind: 'title' | 'topic' = 'title';
  if (command === 'autocomplete') {
    const first = rest.shift();
    if (first !== 'title' && first !== 'topic') throw new UsageError('autocomplete needs "title" or "topic"');
    kind = first;
  }
  const query = rest.length > 0 ? rest.join(' ') : null;
  return { command: command as CommandName, query, dir, json, limit, kind };
}
