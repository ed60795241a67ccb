import type { Engine } from '../search/engine.js';

/**
 * The engine the bot answers from. While it first opens, the bot is already connected and an
 * interaction arriving early is deferred (see the router) instead of failing. Later the vault
 * watcher swaps in each new engine whole, so an answer reads either the old index or the new one.
 */
export class EngineGate {
  current: Engine | undefined;
  readonly ready: Promise<Engine>;

  constructor(opening: Promise<Engine>) {
    this.ready = opening.then((engine) => (this.current = engine));
  }

  replace(engine: Engine): void {
    this.current = engine;
  }
}
