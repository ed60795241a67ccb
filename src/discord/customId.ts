import { LIMITS } from './limits.js';

/**
 * Button and menu state lives in the custom id (at most 100 characters), never in server memory,
 * so a click still works after a restart. Format: `v1|<kind>|<fields…>`; free text goes last so
 * it may itself contain `|`.
 *
 * Paging through /ask needs the question. It is stored in the id itself: the `问题` option is
 * capped at {@link MAX_QUESTION} characters, so it always fits. Re-reading it from the message's
 * embed instead would mean parsing escaped, possibly truncated display text.
 */
export type ComponentState =
  | { kind: 'share' }
  | { kind: 'open' }
  | { kind: 'askPage'; offset: number; limit: number; since: string; query: string }
  | { kind: 'topicPage'; offset: number; topic: string };

export const MAX_QUESTION = 60;

const VERSION = 'v1';
const SEPARATOR = '|';

/** The id for a state, or null when its text is too long to fit (the caller then offers no button). */
export function encodeCustomId(state: ComponentState): string | null {
  const fields = ((): (string | number)[] => {
    switch (state.kind) {
      case 'share':
      case 'open':
        return [];
      case 'askPage':
        return [state.offset, state.limit, state.since, state.query];
      case 'topicPage':
        return [state.offset, state.topic];
    }
  })();
  const id = [VERSION, state.kind, ...fields].join(SEPARATOR);
  return id.length <= LIMITS.customId ? id : null;
}

const COUNT = /^\d{1,4}$/;
const DAY = /^(\d{4}-\d{2}-\d{2})?$/;

/** The state of a clicked component, or null for an id this version did not make. */
export function decodeCustomId(id: string): ComponentState | null {
  const [version, kind, ...rest] = id.split(SEPARATOR);
  if (version !== VERSION) return null;
  switch (kind) {
    case 'share':
    case 'open':
      return rest.length === 0 ? { kind } : null;
    case 'askPage': {
      const [offset, limit, since, ...query] = rest;
      if (!offset || !COUNT.test(offset) || !limit || !COUNT.test(limit) || since === undefined || !DAY.test(since)) return null;
      const text = query.join(SEPARATOR);
      if (!text) return null;
      return { kind, offset: Number(offset), limit: Number(limit), since, query: text };
    }
    case 'topicPage': {
      const [offset, ...topic] = rest;
      const name = topic.join(SEPARATOR);
      if (!offset || !COUNT.test(offset) || !name) return null;
      return { kind, offset: Number(offset), topic: name };
    }
    default:
      return null;
  }
}

/** Values of the "open" menu: a document by its engine id, or a topic by its name. */
export type OpenTarget = { kind: 'doc'; id: string } | { kind: 'topic'; name: string };

export function encodeOpenValue(target: OpenTarget): string | null {
  const value = target.kind === 'doc' ? `d:${target.id}` : `t:${target.name}`;
  return value.length <= LIMITS.selectOptionValue ? value : null;
}

export function decodeOpenValue(value: string): OpenTarget | null {
  const body = value.slice(2);
  if (!body) return null;
  if (value.startsWith('d:')) return { kind: 'doc', id: body };
  if (value.startsWith('t:')) return { kind: 'topic', name: body };
  return null;
}
