import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineGate } from '../../src/discord/engineGate.js';
import { serveHealth, shardPort, type GatewayState, type HealthServer } from '../../src/discord/health.js';
import { Metrics } from '../../src/discord/metrics.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { FIXTURE_VAULT } from './e2e/botProcess.js';

/** The endpoint in this process, over a real socket on 127.0.0.1, with the gateway's state set by each test. */
let engine: Engine;
let gate: EngineGate;
let gateway: GatewayState;
let server: HealthServer;

beforeAll(async () => {
  engine = await openEngine({ dir: FIXTURE_VAULT, persist: false });
  // Opening until a test sets `current`, as the bot's gate is until the index is ready.
  gate = new EngineGate(new Promise(() => {}));
  const metrics = new Metrics();
  metrics.record({ kind: 'command', command: 'ask' }, 'answered', 0.002);
  server = await serveHealth('127.0.0.1', 0, { gateway: () => gateway, engine: gate, metrics });
});

afterAll(() => server?.close());

const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

describe('GET /healthz', () => {
  test('503 while the index opens, saying so', async () => {
    gate.current = undefined;
    gateway = { status: 'Ready', ready: true };
    const res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, gateway: { status: 'Ready', ready: true }, index: { open: false } });
  });

  test('200 with the index size and age once the gateway is ready and the index open', async () => {
    gate.replace(engine);
    gateway = { status: 'Ready', ready: true };
    const age = () => Math.floor((Date.now() - engine.stats.builtAt) / 1000);
    const before = age();
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { index: { ageSeconds: number } };
    expect(body).toMatchObject({ ok: true, index: { open: true, articles: 6, updatedAt: new Date(engine.stats.builtAt).toISOString() } });
    expect(body.index.ageSeconds).toBeGreaterThanOrEqual(before);
    expect(body.index.ageSeconds).toBeLessThanOrEqual(age());
  });

  test('503 while the gateway reconnects, index open or not', async () => {
    gate.replace(engine);
    gateway = { status: 'Resuming', ready: false };
    const res = await get('/healthz?probe=liveness');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, gateway: { status: 'Resuming', ready: false }, index: { open: true } });
  });
});

test('GET /metrics: the counters and the gauges, as Prometheus text 0.0.4', async () => {
  gate.replace(engine);
  gateway = { status: 'Ready', ready: true };
  const res = await get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  expect(text).toContain('digest_bot_interactions_total{kind="command",command="ask",outcome="answered"} 1\n');
  expect(text).toContain('\ndigest_bot_gateway_ready 1\n');
  expect(text).toContain('\ndigest_bot_index_articles 6\n');
  expect(text).toContain(`\ndigest_bot_index_updated_timestamp_seconds ${engine.stats.builtAt / 1000}\n`);
});

test('any other path is 404; another method than GET is 405, naming GET', async () => {
  expect((await get('/')).status).toBe(404);
  expect((await get('/health')).status).toBe(404);
  const post = await get('/healthz', { method: 'POST' });
  expect(post.status).toBe(405);
  expect(post.headers.get('allow')).toBe('GET');
});

test('a port already taken rejects, with the reason', async () => {
  const port = Number(new URL(server.url).port);
  await expect(serveHealth('127.0.0.1', port, { gateway: () => gateway, engine: gate, metrics: new Metrics() })).rejects.toMatchObject({ code: 'EADDRINUSE' });
});

test('shard N of a sharded bot listens on HEALTH_PORT + N; port 0 (any free port) stays 0', () => {
  expect(shardPort(9464)).toBe(9464);
  expect(shardPort(9464, 0)).toBe(9464);
  expect(shardPort(9464, 3)).toBe(9467);
  expect(shardPort(0, 3)).toBe(0);
});
