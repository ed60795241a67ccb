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

/** Vault text escaped, then fitted: escaping first means a cut can never expose markdown. */
export function vaultText(text: string, max: number): string {
  return truncate(escapeVault(text), max);
}

/** Only web links may become a clickable title or link; anything else in the vault is dropped. */
export function webUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `[text](url)` when the url is a web link (text escaped, brackets too), else the escaped text. */
export function maskedLink(text: string, url: string, max: number): string {
  const href = webUrl(url);
  if (!href) return vaultText(text, max);
  // Parentheses would end the link early; percent-encoding keeps the address the same.
  const target = href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const room = max - target.length - '[]()'.length;
  // A link whose label would be cut to almost nothing says less than the plain title.
  if (room < 20) return vaultText(text, max);
  return `[${vaultText(text, room)}](${target})`;
}
