import type { Engine } from '../search/engine.js';

/**
 * The engine while it opens: the bot connects at once and answers as soon as the index is there;
 * an interaction arriving before that is deferred (see the router) instead of failing.
 */
export class EngineGate {
  current: Engine | undefined;
  readonly ready: Promise<Engine>;

  constructor(opening: Promise<Engine>) {
    this.ready = opening.then((engine) => (this.current = engine));
  }
}
