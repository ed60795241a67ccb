import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Status, type Client } from 'discord.js';
import type { EngineGate } from './engineGate.js';
import type { Metrics } from './metrics.js';

/**
 * The optional health endpoint (HEALTH_PORT): `GET /healthz` for a container platform's probes,
 * `GET /metrics` for Prometheus. Nothing else: it shows no vault text and takes no input.
 */

export interface GatewayState {
  /** discord.js's name for the connection's state: Ready, Connecting, Resuming … */
  status: string;
  ready: boolean;
}

export interface HealthSources {
  gateway: () => GatewayState;
  engine: EngineGate;
  metrics: Metrics;
}

/**
 * Read per shard connection: discord.js sets its overall status to Ready once and leaves it there
 * through drops and resumes, while each shard's status follows them.
 */
export function gatewayState(client: Client): GatewayState {
  const statuses = client.ws.shards.size > 0 ? client.ws.shards.map((shard) => shard.status) : [client.ws.status];
  const worst = statuses.find((status) => status !== Status.Ready) ?? Status.Ready;
  return { status: Status[worst], ready: client.isReady() && worst === Status.Ready };
}

/**
 * The port of shard `shard`: each shard is a process of its own on the same host, so shard N takes
 * HEALTH_PORT + N. Port 0 (any free port, logged) stays 0.
 */
export const shardPort = (port: number, shard = 0) => (port === 0 ? 0 : port + shard);

function health({ gateway, engine }: HealthSources, now: number) {
  const stats = engine.current?.stats;
  const index = stats
    ? { open: true, articles: stats.articles, updatedAt: new Date(stats.builtAt).toISOString(), ageSeconds: Math.floor((now - stats.builtAt) / 1000) }
    : { open: false };
  const state = gateway();
  return { ok: state.ready && index.open, gateway: state, index };
}

function metricsText({ gateway, engine, metrics }: HealthSources): string {
  const stats = engine.current?.stats;
  return metrics.render([
    { name: 'gateway_ready', help: '1 when the gateway connection is ready to receive interactions.', value: gateway().ready ? 1 : 0 },
    { name: 'index_articles', help: 'Articles in the index answering now (0 while it opens).', value: stats?.articles ?? 0 },
    { name: 'index_updated_timestamp_seconds', help: 'When that index was last built or updated (0 while it opens).', value: stats ? stats.builtAt / 1000 : 0 },
  ]);
}

export interface HealthServer {
  /** Where it listens, e.g. http://127.0.0.1:9464: with port 0, the port the system chose. */
  url: string;
  close: () => void;
}

/** Listens on `host`:`port`; rejects when it cannot (port taken, address not on this host). */
export async function serveHealth(host: string, port: number, sources: HealthSources): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://health').pathname;
    if (path !== '/healthz' && path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    } else if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    } else if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metricsText(sources));
    } else {
      const body = health(sources, Date.now());
      // 503 is what probes read as "not ready": before the first connection and index, and while reconnecting.
      res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound, family } = server.address() as AddressInfo;
  return { url: `http://${family === 'IPv6' ? `[${address}]` : address}:${bound}`, close: () => server.close() };
}
