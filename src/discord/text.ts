import { escapeMarkdown } from 'discord.js';

/** Appended wherever text was cut, so a reader knows there is more. */
export const CUT_MARK = '…（已截断）';

/**
 * Cuts `text` to at most `max` UTF-16 units, on a code point boundary (Chinese has no spaces to cut
 * at, and an emoji must not be split), ending with `mark` when anything was removed.
 */
export function truncate(text: string, max: number, mark: string = CUT_MARK): string {
  if (text.length <= max) return text;
  const suffix = mark.length < max ? mark : '';
  const budget = max - suffix.length;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > budget) break;
    kept += char;
  }
  // A trailing backslash would escape the mark instead of what it escaped before the cut.
  return kept.replace(/\\+$/, '') + suffix;
}

/**
 * Vault text shown as written: every markdown construct Discord would render is escaped. Brackets
 * are escaped one by one (not just whole `[..](..)` links) so the result is also safe as a link label.
 */
export function escapeVault(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true });
  return (
    escaped
      .replace(/[[\]]/g, (c) => `\\${c}`)
      // Block quotes and subtext (`-# `), which escapeMarkdown leaves alone.
      .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
  );
}

/** How much of what the user typed a reply repeats back: enough to recognise it. */
export const QUERY_ECHO = 100;

/**
 * Escapes look at most this far past the character they escape (`**`, a code tick's neighbour);
 * the one exception, `_` before an emoji id `:123…>`, is then escaped, which is only safer.
 */
const ESCAPE_LOOKAHEAD = 8;

/**
 * Vault text escaped, then fitted: escaping first means a cut can never expose markdown. Only
 * what can show is escaped: escaping never shortens text, so the shown part comes from the first
 * `max` characters, and discord.js's escapeMarkdown is quadratic in the length of a line (its
 * lookbehinds rescan the line before each character): a 100 KB bullet took half a minute.
 */
export function vaultText(text: string, max: number): string {
  const shown = text.length > max + ESCAPE_LOOKAHEAD ? text.slice(0, max + ESCAPE_LOOKAHEAD) : text;
  return truncate(escapeVault(shown), max);
}

/**
 * `truncate` for markdown that may hold `[label](address)` links the renderers made: a cut inside
 * one would show half of it as raw text, so the cut moves back to before its `[`.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncate(text, max);
  const mark = cut.endsWith(CUT_MARK) ? CUT_MARK : '';
  return beforeOpenLink(cut.slice(0, cut.length - mark.length)) + mark;
}

/**
 * `text` up to the start of a link left open at its end, else all of it. Vault text has every
 * bracket escaped (escapeVault), so an unescaped `[` can only open a link; its label has no
 * unescaped brackets and its address no `)` (maskedLink encodes them).
 */
function beforeOpenLink(text: string): string {
  let open = -1;
  let part: 'text' | 'label' | 'address' = 'text';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (part === 'address') {
      if (char === ')') part = 'text';
    } else if (char === '\\') i++;
    else if (char === '[') {
      open = i;
      part = 'label';
    } else if (part === 'label' && char === ']') {
      // At the very end, the cut may have taken the `(` that made this a link.
      part = text[i + 1] === '(' || i + 1 === text.length ? 'address' : 'text';
      if (part === 'address') i++;
    }
  }
  return part === 'text' ? text : text.slice(0, open);
}
