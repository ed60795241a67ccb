import type { APIEmbed } from 'discord.js';
import type { Prepared } from '../../src/discord/reply.js';

/**
 * Every way a prepared reply can break Discord's limits, as messages (empty when none). Written
 * out with the raw numbers rather than importing LIMITS, so a wrong constant is caught too.
 */
export function limitViolations(reply: Prepared): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((reply.content ?? '').length <= 2000, 'content over 2000');
  check(reply.embeds.length <= 10, 'more than 10 embeds');
  let total = 0;
  reply.embeds.forEach((e: APIEmbed, i) => {
    check(e.title === undefined || (e.title.trim().length > 0 && e.title.length <= 256), `embed ${i} title blank or over 256`);
    check(e.description === undefined || e.description.trim().length > 0, `embed ${i} description blank`);
    check((e.description ?? '').length <= 4096, `embed ${i} description over 4096`);
    check((e.footer?.text ?? '').length <= 2048, `embed ${i} footer over 2048`);
    check((e.fields ?? []).length <= 25, `embed ${i} over 25 fields`);
    for (const f of e.fields ?? []) {
      check(f.name.trim().length > 0 && f.name.length <= 256, `embed ${i} field name length ${f.name.length}`);
      check(f.value.trim().length > 0 && f.value.length <= 1024, `embed ${i} field value length ${f.value.length}`);
    }
    if (e.url !== undefined) check(isWebAddress(e.url), `embed ${i} url not http(s): ${e.url}`);
    for (const text of [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]) {
      for (const target of linkTargets(text)) check(isWebAddress(target), `embed ${i} links to ${target}`);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    total += (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  });
  check(total <= 6000, `embeds total ${total} over 6000`);
  check(reply.components.length <= 5, 'more than 5 action rows');
  for (const row of reply.components) {
    check(row.components.length <= 5, 'more than 5 components in a row');
    for (const c of row.components) {
      if ('custom_id' in c) check(c.custom_id.length <= 100, `custom id over 100: ${c.custom_id}`);
      if ('options' in c && c.options) {
        check(c.options.length >= 1 && c.options.length <= 25, 'select options not within 1–25');
        for (const o of c.options) {
          check(o.label.trim().length >= 1 && o.label.length <= 100, `option label length ${o.label.length}`);
          check(o.value.length >= 1 && o.value.length <= 100, `option value length ${o.value.length}`);
          check((o.description ?? '').length <= 100, `option description length ${o.description?.length}`);
        }
      }
    }
  }
  for (const target of linkTargets(reply.content ?? '')) check(isWebAddress(target), `content links to ${target}`);
  check(JSON.stringify(reply.allowedMentions) === '{"parse":[]}', 'mentions allowed');
  return problems;
}

/** An absolute http(s) address as the URL parser writes it: no other scheme, no space or control character. */
function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/[^\s\u0000-\u001f]+$/.test(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
}

/** The address of every markdown link `[label](address)` Discord would render: `](` not escaped. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  // An odd run of backslashes escapes the `]`; an even one is escaped backslashes.
  for (const m of markdown.matchAll(/(\\*)\]\(([^)]*)\)?/g)) if (m[1]!.length % 2 === 0) targets.push(m[2]!);
  return targets;
}
