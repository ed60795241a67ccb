import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Discord on 127.0.0.1, enough for the real discord.js client: the REST API over HTTP
 * and the gateway over a WebSocket (JSON, uncompressed: discord.js 14.28 asks for zlib-stream only
 * when the optional zlib-sync package is installed, and this project does not install it).
 * Every request is recorded; tests wait on them as events, never on fixed sleeps.
 */

export interface Recorded {
  method: string;
  /** Decoded path without the query, e.g. `/api/v10/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

/** What the bot sent in an interaction callback or webhook edit: the message JSON. */
export interface MessageData {
  content?: string;
  embeds?: Embed[];
  components?: Row[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
}

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
}

export interface Row {
  type: 1;
  components: Component[];
}

export interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  disabled?: boolean;
  placeholder?: string;
  options?: { label: string; value: string; description?: string }[];
}

export interface Callback {
  type: number;
  data?: MessageData & { choices?: { name: string; value: string }[] };
}

interface Failure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Where a command is used in a server: a channel, and the permissions there (bit fields as decimal strings). */
export interface InGuild {
  /** By default the fake's own server. */
  guildId?: string;
  channelId: string;
  /** The member's permissions in the channel. */
  permissions: string;
  /** The bot's own permissions in the channel; by default what it needs to post there. */
  appPermissions?: string;
}

/** View Channel, Send Messages and Embed Links. */
export const POSTING_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n));

/**
 * A 429 as Discord sends it: `retry_after` in seconds in the body, and the headers @discordjs/rest
 * reads: `Retry-After` (whole seconds, rounded up; the only one its interaction-callback handler
 * uses), the `X-RateLimit-*` bucket headers (used for webhook edits), `X-RateLimit-Global` when the
 * bot's global limit is hit, and `X-RateLimit-Scope`. Spread into `failNextCallback` or `failNextEdit`.
 */
export function rateLimited(retryAfter: number, scope: 'user' | 'global' | 'shared' = 'user'): [number, unknown, Record<string, string>] {
  const headers: Record<string, string> = {
    'retry-after': String(Math.ceil(retryAfter)),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
    'x-ratelimit-reset-after': String(retryAfter),
    'x-ratelimit-bucket': 'fake-bucket',
    'x-ratelimit-scope': scope,
    ...(scope === 'global' ? { 'x-ratelimit-global': 'true' } : {}),
  };
  return [429, { message: 'You are being rate limited.', retry_after: retryAfter, global: scope === 'global' }, headers];
}

/** Discord's answer to a callback for an interaction whose token has expired (after 3 s) or never existed. */
export const UNKNOWN_INTERACTION: [number, unknown] = [404, { message: 'Unknown interaction', code: 10062 }];

const isCallback = (r: Recorded) => r.method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);

let lastSnowflake = 1_300_000_000_000_000_000n;
/** 19-digit ids, increasing, as discord.js expects snowflakes. */
export const snowflake = () => String(++lastSnowflake);

/** A server id whose events Discord sends to shard `shard` of `count`: the one where (id >> 22) % count is `shard`. */
export function guildOnShard(shard: number, count: number): string {
  const high = BigInt(snowflake()) >> 22n;
  const n = BigInt(count);
  return String((high + ((BigInt(shard) - (high % n) + n) % n)) << 22n);
}

export class FakeDiscord extends EventEmitter {
  readonly applicationId = snowflake();
  readonly botUserId = this.applicationId;
  readonly channelId = snowflake();
  readonly guildId = snowflake();
  readonly requests: Recorded[] = [];
  readonly identifies: unknown[] = [];
  /** What GET /gateway/bot recommends, and so how many shards `SHARD_COUNT=auto` starts. */
  recommendedShards = 1;
  readonly resumes: { seq: number; session_id: string }[] = [];
  /** The close code of every gateway connection that ended, in order. */
  readonly closes: number[] = [];

  /** The latest gateway connection. */
  private socket: WebSocket | undefined;
  /** Connections whose session runs: dispatches go out on them; otherwise they wait for a resume, as on Discord. */
  private readonly live = new Set<WebSocket>();
  /** Open sessions by id, with the shard each serves; and which session each connection carries. */
  private readonly sessions = new Map<string, number>();
  private readonly sessionOf = new Map<WebSocket, string>();
  private seq = 0;
  private readonly dispatched: { s: number; t: string; d: unknown }[] = [];
  private readonly failures = { callback: [] as Failure[], edit: [] as Failure[] };
  private readonly held: Promise<void>[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly brokenChannels = new Map<string, Failure>();
  /** Gateway connections by the shard they identified as (`shard: [id, count]`; none means [0, 1]). */
  private readonly shardSockets = new Map<number, WebSocket>();
  private shardCount = 1;

  private constructor(
    readonly token: string,
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
  ) {
    super();
  }

  static async start(token = 'fake-token'): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server, path: '/gateway' });
    const fake = new FakeDiscord(token, server, gateway);
    server.on('request', (req, res) => void fake.handle(req, res));
    gateway.on('connection', (socket) => fake.connect(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL is set to; discord.js appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The next interaction callback answers `status` with `body`, as Discord does when it rejects a reply. Calls queue up. */
  failNextCallback(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.failures.callback.push({ status, body, headers });
  }

  /** The next edit of an original reply (the answer after a deferral) fails the same way. */
  failNextEdit(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.failures.edit.push({ status, body, headers });
  }

  /** The next interaction callback is received but not answered until `release` is called: a slow Discord. */
  holdNextCallback(): () => void {
    let release!: () => void;
    this.held.push(new Promise((resolve) => (release = resolve)));
    return release;
  }

  /** Every later message posted to the channel is answered `status` with `body` (a 403, a deleted channel). */
  failChannel(channelId: string, status: number, body: unknown): void {
    this.brokenChannels.set(channelId, { status, body });
  }

  /** Messages the bot posted to a channel (POST /channels/{id}/messages), as sent, answered or not. */
  posts(channelId: string): MessageData[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages`).map((r) => r.body as MessageData);
  }

  // --- REST -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const record: Recorded = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      at: Date.now(),
    };
    this.requests.push(record);
    this.emit('request', record);
    if (isCallback(record)) await this.held.shift();
    const { status, body, headers } = this.respond(record);
    res.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private respond(request: Recorded): { status: number; body?: unknown; headers?: Record<string, string> } {
    const { method, path } = request;
    const authorized = request.authorization === `Bot ${this.token}`;
    const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      if (!authorized) return unauthorized;
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: this.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (isCallback(request)) return this.failures.callback.shift() ?? { status: 204 };
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path)) {
      const failure = method === 'PATCH' ? this.failures.edit.shift() : undefined;
      return failure ?? { status: 200, body: this.message(request.body as MessageData) };
    }
    const channelPost = method === 'POST' ? /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path) : null;
    if (channelPost) {
      return this.brokenChannels.get(channelPost[1]!) ?? { status: 200, body: { ...this.message(request.body as MessageData), channel_id: channelPost[1] } };
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (!authorized) return unauthorized;
      const commands = request.body as object[];
      return { status: 200, body: commands.map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() })) };
    }
    return { status: 404, body: { message: `404: Not Found (${method} ${path})`, code: 0 } };
  }

  /** A message as Discord returns it, here for a reply the bot sent: what a click happens on. */
  message(data: MessageData): object {
    return {
      id: snowflake(),
      channel_id: this.channelId,
      type: 0,
      author: { id: this.botUserId, username: 'digest-bot', discriminator: '0', avatar: null, bot: true },
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: data.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
    };
  }

  /** Resolves with the first request (already made or still to come) that matches. */
  waitForRequest(match: (r: Recorded) => boolean, timeoutMs = 20_000): Promise<Recorded> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error(`no matching request within ${timeoutMs} ms; got:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`));
      }, timeoutMs);
      const listener = (r: Recorded) => {
        if (!match(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /** The `n`-th (0-based) callback the bot made to an interaction. */
  async callback(interactionId: string, n = 0): Promise<Callback> {
    return (await this.callbackRequest(interactionId, n)).body as Callback;
  }

  /** The same as received: when, and with what. */
  callbackRequest(interactionId: string, n = 0): Promise<Recorded> {
    const path = `/api/v10/interactions/${interactionId}/${this.tokens.get(interactionId)}/callback`;
    let count = 0;
    return this.waitForRequest((r) => r.method === 'POST' && r.path === path && count++ === n);
  }

  /** Every callback the bot made to an interaction so far. */
  callbacks(interactionId: string): Recorded[] {
    return this.requests.filter((r) => isCallback(r) && r.path.startsWith(`/api/v10/interactions/${interactionId}/`));
  }

  /** The edit of the original reply of an interaction (after a deferral). */
  async edit(interactionId: string): Promise<MessageData> {
    const path = `/api/v10/webhooks/${this.applicationId}/${this.tokens.get(interactionId)}/messages/@original`;
    const request = await this.waitForRequest((r) => r.method === 'PATCH' && r.path === path);
    return request.body as MessageData;
  }

  // --- Gateway --------------------------------------------------------------------------------

  private connect(socket: WebSocket): void {
    this.socket = socket;
    const send = (payload: object) => socket.send(JSON.stringify(payload));
    socket.on('close', (code) => {
      this.live.delete(socket);
      this.closes.push(code);
      this.emit('gatewayClosed', code);
    });
    send({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    socket.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (op === 1) send({ op: 11, d: null, s: null, t: null });
      else if (op === 2) {
        this.identifies.push(d);
        if ((d as { token?: string }).token !== this.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        const shard = (d as { shard?: [number, number] }).shard ?? [0, 1];
        this.shardCount = shard[1];
        // A new session: what an earlier one missed is not replayed, as on Discord.
        const session = `session-${snowflake()}`;
        this.sessions.set(session, shard[0]);
        this.attach(socket, session, shard[0]);
        this.dispatch(
          'READY',
          {
            v: 10,
            user: { id: this.botUserId, username: 'digest-bot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: session,
            resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
            application: { id: this.applicationId, flags: 0 },
            shard,
          },
          shard[0],
        );
        this.emit('identified');
      } else if (op === 6) {
        const resume = d as { token: string; session_id: string; seq: number };
        this.resumes.push({ seq: resume.seq, session_id: resume.session_id });
        const shard = this.sessions.get(resume.session_id);
        if (resume.token !== this.token || shard === undefined) {
          send({ op: 9, d: false, s: null, t: null });
          return;
        }
        for (const event of this.dispatched.filter((e) => e.s > resume.seq)) send({ op: 0, ...event });
        this.attach(socket, resume.session_id, shard);
        this.dispatch('RESUMED', {}, shard);
        this.emit('resumed');
      }
    });
  }

  /** The connection now carries the session of `shard`: its dispatches go out on it. */
  private attach(socket: WebSocket, session: string, shard: number): void {
    this.sessionOf.set(socket, session);
    this.shardSockets.set(shard, socket);
    this.live.add(socket);
  }

  /**
   * Sends a dispatch, on the latest connection or on the given shard's; one sent while the bot is
   * disconnected waits, and is replayed when it resumes.
   */
  dispatch(t: string, d: unknown, shard?: number): void {
    const event = { s: ++this.seq, t, d };
    this.dispatched.push(event);
    const socket = shard === undefined ? this.socket : this.shardSockets.get(shard);
    if (socket && this.live.has(socket) && socket.readyState === socket.OPEN) socket.send(JSON.stringify({ op: 0, ...event }));
  }

  /** The shard Discord sends a server's events to, given the shard count the bot identified with. */
  shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  /** Sends an interaction's dispatch again, as a resume from a sequence number before it does. */
  redeliver(interactionId: string): void {
    const event = this.dispatched.find((e) => e.t === 'INTERACTION_CREATE' && (e.d as { id: string }).id === interactionId);
    this.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  // Faults, on the latest connection.

  /** Drops the gateway connection the way a network blip does: no close frame (the client sees 1006). */
  dropConnection(): void {
    this.socket?.terminate();
  }

  /** Closes the gateway connection with a close frame, e.g. 4000 (unknown error): the session stays resumable. */
  closeGateway(code: number): void {
    this.pause()?.close(code, 'closed by the fake');
  }

  /** Op 7 RECONNECT: Discord asks the client to reconnect and resume. */
  reconnect(): void {
    this.pause()?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /**
   * Op 9 INVALID SESSION. Resumable: the client resumes on the same connection. Not resumable: the
   * session is gone, and with it whatever it had not delivered; the client must identify anew.
   */
  invalidateSession(resumable: boolean): void {
    const socket = this.pause();
    if (!resumable && socket) this.sessions.delete(this.sessionOf.get(socket)!);
    socket?.send(JSON.stringify({ op: 9, d: resumable, s: null, t: null }));
  }

  /** Stops dispatching on the latest connection until its session resumes, and returns it. */
  private pause(): WebSocket | undefined {
    if (this.socket) this.live.delete(this.socket);
    return this.socket;
  }

  // --- Interactions ---------------------------------------------------------------------------

  /**
   * Each interaction comes from a user of its own unless `user` (an id) is given: tests then never
   * meet the bot's per-user rate limit by accident.
   */
  private interaction(type: number, data: object, message?: object, inGuild?: InGuild, user = snowflake()): string {
    const id = snowflake();
    const token = `itoken-${id}`;
    this.tokens.set(id, token);
    const author = { id: user, username: 'tester', discriminator: '0', global_name: '测试者', avatar: null };
    const guildId = inGuild && (inGuild.guildId ?? this.guildId);
    // In a server Discord sends the channel, the member (with its user and its permissions there) and
    // the bot's permissions there, and routes the event to the server's shard.
    const where = inGuild
      ? {
          guild_id: guildId,
          channel_id: inGuild.channelId,
          channel: { id: inGuild.channelId, type: 0, guild_id: guildId, name: 'news' },
          member: { user: author, roles: [], permissions: inGuild.permissions, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
          app_permissions: inGuild.appPermissions ?? POSTING_PERMISSIONS,
          context: 0,
        }
      : {};
    const payload = {
      id,
      token,
      application_id: this.applicationId,
      type,
      version: 1,
      data,
      channel_id: this.channelId,
      user: author,
      locale: 'zh-CN',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 1,
      ...(message ? { message } : {}),
      ...where,
    };
    this.dispatch('INTERACTION_CREATE', payload, guildId === undefined ? undefined : this.shardOf(guildId));
    return id;
  }

  /** A slash command with its options (name → string or integer), in a DM or, with `inGuild`, a server channel. */
  command(name: string, options: Record<string, string | number> = {}, inGuild?: InGuild, user?: string): string {
    return this.interaction(2, commandData(name, options), undefined, inGuild, user);
  }

  /** A slash command typed in a server, dispatched on that server's shard. */
  guildCommand(guildId: string, name: string, options: Record<string, string | number> = {}): string {
    return this.interaction(2, commandData(name, options), undefined, { guildId, channelId: this.channelId, permissions: '0' });
  }

  /** Autocomplete while the user types `typed` into the option `option`. */
  autocomplete(name: string, option: string, typed: string, inGuild?: InGuild, user?: string): string {
    return this.interaction(4, { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] }, undefined, inGuild, user);
  }

  /** A click on a button of a message the bot sent (given as the JSON it sent). */
  click(message: MessageData, customId: string, user?: string): string {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, this.message(message), undefined, user);
  }

  /** A choice in a string select menu of a message the bot sent. */
  select(message: MessageData, customId: string, values: string[], user?: string): string {
    return this.interaction(3, { custom_id: customId, component_type: 3, values }, this.message(message), undefined, user);
  }
}

function commandData(name: string, options: Record<string, string | number>): object {
  return { id: snowflake(), name, type: 1, options: Object.entries(options).map(([k, v]) => ({ name: k, type: typeof v === 'number' ? 4 : 3, value: v })) };
}
