import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');
// An empty line in .env (`DISCORD_GUILD_ID=`) means unset, as it reads.
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** What is wrong with DIGEST_BASE_URL, if anything: pages are linked by adding their path after it. */
function siteBaseProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a URL such as https://digest.example.com/';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be http or https, not ${url.protocol}`;
  if (/[?#]/.test(text)) return 'must not have a query (?…) or fragment (#…): page paths are added after it';
  if (url.username || url.password) return 'must not contain a user name or password';
  return undefined;
}

/** The published digest site, where articles without a source link are linked to their page. */
export const siteBaseUrl = z.string().refine((text) => !siteBaseProblem(text), (text) => ({ message: siteBaseProblem(text) ?? '' }));

const schema = z.object({
  DISCORD_TOKEN: z.string({ required_error: 'is not set' }).min(1, 'is empty'),
  DISCORD_APPLICATION_ID: z.string({ required_error: 'is not set' }).pipe(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DIGEST_DIR: z.preprocess(
    (v) => (v === '' || v === undefined ? 'seeds/' : v),
    z.string().refine((dir) => existsSync(dir) && statSync(dir).isDirectory(), (dir) => ({ message: `folder not found: ${dir}` })),
  ),
  DIGEST_BASE_URL: optional(siteBaseUrl),
  DISCORD_API_URL: optional(z.string().url('must be a URL such as http://127.0.0.1:8080/api').refine((u) => /^https?:/.test(u), 'must be http or https')),
  /** Where the saved index lives (the terminal mode reads the same setting). */
  INDEX_CACHE_DIR: optional(z.string()),
  /** Shards for `npm run start:sharded`: `auto` asks Discord (GET /gateway/bot) how many it recommends. */
  SHARD_COUNT: z.preprocess(
    (v) => (v === '' || v === undefined ? 'auto' : v),
    z
      .string()
      .regex(/^(auto|[1-9]\d*)$/, 'must be auto or a whole number from 1')
      .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v))),
  ),
  /** Not a setting: discord.js's ShardingManager tells each shard process its id this way. */
  SHARDS: optional(z.coerce.number().int().nonnegative()),
  /** Where the bot keeps its database (subscriptions, what was posted): `bot.sqlite` in this folder. */
  DATA_DIR: z.preprocess((v) => (v === '' || v === undefined ? 'data/' : v), z.string()),
  /**
   * How long a stop (SIGTERM) waits for interactions in flight. The default stays under the 10 s
   * Docker grants before SIGKILL; Kubernetes grants 30 s (terminationGracePeriodSeconds).
   */
  SHUTDOWN_GRACE_SECONDS: z.preprocess(
    (v) => (v === '' || v === undefined ? '8' : v),
    z.string().regex(/^\d+$/, 'must be a whole number of seconds, e.g. 8').transform(Number),
  ),
  /** The health endpoint (/healthz, /metrics) is served only when this is set; 0 takes any free port. */
  HEALTH_PORT: optional(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number, 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be a port number, 0 to 65535'),
  ),
  /** Loopback by default: the endpoint has no authentication, and a container's own probe reaches it there. */
  HEALTH_HOST: z.preprocess(
    (v) => (v === '' || v === undefined ? '127.0.0.1' : v),
    z.string().ip('must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0'),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' || v === undefined ? 'info' : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ),
}).superRefine((config, context) => {
  // The vault is watched and may be published as a site: the database must not live in it.
  if (existsSync(config.DIGEST_DIR) && isInside(config.DATA_DIR, config.DIGEST_DIR)) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['DATA_DIR'], message: `must not be inside DIGEST_DIR (${config.DIGEST_DIR})` });
  }
});

/** Whether `dir` is `root` or under it, also when either is reached through a symbolic link. */
function isInside(dir: string, root: string): boolean {
  const forms = (path: string) => [resolve(path), existsSync(path) ? realpathSync(path) : resolve(path)];
  const under = (d: string, r: string) => {
    const path = relative(r, d);
    return !isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`);
  };
  return forms(root).some((r) => forms(dir).some((d) => under(d, r)));
}

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** `.env` (when present) under the environment, which wins. */
export function loadEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}

/** Read once at start: any missing or bad setting fails here, named, before anything connects. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSet it in the environment or in .env (see .env.example).`);
}
