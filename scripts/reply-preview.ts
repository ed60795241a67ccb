/**
 * A picture of a real bot reply for the README, made without Discord: the seed vault is indexed,
 * `/ask 英伟达的芯片` is answered by the same handler and `prepare()` the bot uses, and the payload
 * it would send is written as JSON and as an HTML mock of a Discord message (screenshot it with
 * headless Chromium; see "The reply picture" in README.md).
 *
 *   npx tsx scripts/reply-preview.ts [OUT_DIR]     (default docs/)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ButtonStyle, ComponentType, type APIEmbed, type APIComponentInMessageActionRow } from 'discord.js';
import { command } from '../commands/ask.js';
import { replyLinks } from '../src/discord/render/links.js';
import { prepare, type Prepared } from '../src/discord/reply.js';
import { openEngine } from '../src/search/engine.js';

const QUESTION = '英伟达的芯片';
// Discord shows the application's name from the developer portal, which the project does not know.
const BOT_NAME = '文摘 Bot';
const USER_NAME = '读者';
// Drawn rather than an emoji, which the screenshot machine may have no font for.
const EYE = '<svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M12 5C5.6 5 2 12 2 12s3.6 7 10 7 10-7 10-7-3.6-7-10-7zm0 11a4 4 0 110-8 4 4 0 010 8zm0-6a2 2 0 100 4 2 2 0 000-4z"/></svg>';
const BUTTON_CLASS: Record<number, string> = { [ButtonStyle.Primary]: 'primary', [ButtonStyle.Success]: 'success', [ButtonStyle.Danger]: 'danger' };

const outDir = process.argv[2] ?? 'docs';
// A throwaway cache: the preview must neither read a stale index nor leave one in the repository.
const cacheDir = mkdtempSync(join(tmpdir(), 'reply-preview-'));
let payload: Prepared;
try {
  const engine = await openEngine({ dir: 'seeds', cacheDir });
  // The slash command's options as discord.js would hand them to the handler.
  const options = { getString: (name: string) => (name === 'question' ? QUESTION : null), getInteger: () => null };
  // As the bot links without DIGEST_BASE_URL: the seed has no source link, so its path shows.
  payload = prepare(command.run(options, engine, replyLinks(undefined, engine)));
  // The index is saved in the background; removing the folder before that would leave it behind.
  await engine.saved;
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'reply-ask.json'), JSON.stringify(payload, null, 2) + '\n');
writeFileSync(join(outDir, 'reply-ask.html'), page(payload));
console.log(`wrote ${join(outDir, 'reply-ask.json')} and ${join(outDir, 'reply-ask.html')}`);

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The markdown Discord renders in embeds, simply: escapes, links, bold, italics, code, lines. */
function markdown(text: string): string {
  const kept: string[] = [];
  // Escaped characters are set aside first, so that no pattern below can match them.
  const marked = text.replace(/\\([^\w\s])/g, (_, c: string) => `\u0000${kept.push(c) - 1}\u0000`);
  return html(marked)
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*|\b_(.+?)_\b/g, (_, a?: string, b?: string) => `<em>${a ?? b}</em>`)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => html(kept[Number(i)] ?? ''));
}

function embed(e: APIEmbed): string {
  // Without a color Discord draws its default gray border.
  const color = `#${(e.color ?? 0x4e5058).toString(16).padStart(6, '0')}`;
  const title = e.title ? markdown(e.title) : '';
  // Discord shows the timestamp after the footer, in the reader's own time zone.
  const time = e.timestamp ? new Date(e.timestamp).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' }) : '';
  const footer = [e.footer?.text, time].filter(Boolean).map((t) => html(t!)).join(' • ');
  return `<div class="embed" style="border-left-color:${color}">
    ${e.author ? `<div class="author">${html(e.author.name)}</div>` : ''}
    ${title ? `<div class="title">${e.url ? `<a href="${html(e.url)}">${title}</a>` : title}</div>` : ''}
    ${e.description ? `<div class="desc">${markdown(e.description)}</div>` : ''}
    ${(e.fields ?? []).map((f) => `<div class="field${f.inline ? ' inline' : ''}"><b>${markdown(f.name)}</b><div>${markdown(f.value)}</div></div>`).join('')}
    ${footer ? `<div class="footer">${footer}</div>` : ''}
  </div>`;
}

function component(c: APIComponentInMessageActionRow): string {
  if (c.type === ComponentType.Button) {
    const label = 'label' in c ? html(c.label ?? '') : '';
    return `<span class="button ${BUTTON_CLASS[c.style] ?? 'secondary'}">${label}</span>`;
  }
  if (c.type === ComponentType.StringSelect) {
    // Closed, as Discord first shows it: the options appear only when it is clicked.
    return `<span class="select"><span>${html(c.placeholder ?? '')}</span><span class="chevron">⌄</span></span>`;
  }
  return '';
}

function page(p: Prepared): string {
  const ephemeral = p.flags !== undefined;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>/ask ${html(QUESTION)}</title>
<style>
  body { margin: 0; padding: 16px 16px 20px 0; background: #313338; color: #dbdee1;
    font: 16px/1.375 "gg sans", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", sans-serif; }
  a { color: #00a8fc; text-decoration: none; }
  .message { position: relative; padding: 2px 16px 2px 72px; }
  .message.ephemeral { background: rgba(88, 101, 242, .05); border-left: 2px solid #5865f2; }
  .context { position: relative; display: flex; align-items: center; gap: 4px; font-size: 14px; color: #b5bac1; margin-bottom: 4px; }
  .context::before { content: ""; position: absolute; left: -38px; top: 9px; width: 33px; height: 13px;
    border: 2px solid #4e5058; border-width: 2px 0 0 2px; border-top-left-radius: 6px; }
  .mini { width: 16px; height: 16px; border-radius: 50%; background: #f0b232; }
  .context .name { color: #dbdee1; font-weight: 500; }
  .context .cmd { color: #00a8fc; }
  .avatar { position: absolute; left: 16px; top: 26px; width: 40px; height: 40px; border-radius: 50%;
    background: #5865f2; color: #fff; display: flex; align-items: center; justify-content: center; font-size: 18px; font-weight: 600; }
  .header { display: flex; align-items: center; gap: 6px; }
  .bot { color: #f2f3f5; font-weight: 500; }
  .tag { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px; line-height: 15px; }
  .when { color: #949ba4; font-size: 12px; margin-left: 2px; }
  .content { margin-bottom: 2px; }
  .embed { max-width: 516px; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; margin-top: 4px; font-size: 14px; }
  .author { font-weight: 600; margin-top: 8px; }
  .title { font-weight: 600; font-size: 16px; margin-top: 8px; }
  .desc { margin-top: 8px; color: #dbdee1; }
  .desc strong, .field b { color: #f2f3f5; }
  .field { margin-top: 8px; }
  .footer { margin-top: 8px; font-size: 12px; color: #b5bac1; }
  code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 85%; }
  .row { display: flex; gap: 8px; margin-top: 8px; max-width: 520px; }
  .button { height: 32px; padding: 0 16px; border-radius: 3px; display: inline-flex; align-items: center; font-size: 14px; font-weight: 500; color: #fff; }
  .primary { background: #5865f2; } .secondary { background: #4e5058; } .success { background: #248046; } .danger { background: #da373c; }
  .select { flex: 1; height: 40px; box-sizing: border-box; padding: 0 12px; background: #1e1f22; border: 1px solid #1e1f22; border-radius: 4px;
    display: flex; align-items: center; gap: 8px; color: #949ba4; font-size: 15px; }
  .select .chevron { margin-left: auto; color: #dbdee1; font-size: 18px; line-height: 1; margin-top: -6px; }
  .note { margin-top: 6px; font-size: 12px; color: #949ba4; display: flex; align-items: center; gap: 4px; }
</style></head>
<body>
<div class="message${ephemeral ? ' ephemeral' : ''}">
  <div class="context"><span class="mini"></span><span class="name">${USER_NAME}</span> 使用了 <span class="cmd">/ask</span></div>
  <div class="avatar">文</div>
  <div class="header"><span class="bot">${html(BOT_NAME)}</span><span class="tag">APP</span><span class="when">今天 ${new Date().toLocaleTimeString('zh-CN', { timeStyle: 'short' })}</span></div>
  ${p.content ? `<div class="content">${markdown(p.content)}</div>` : ''}
  ${p.embeds.map(embed).join('\n')}
  ${p.components.map((row) => `<div class="row">${row.components.map(component).join('')}</div>`).join('\n')}
  ${ephemeral ? `<div class="note">${EYE} 只有你可以看到此消息 • <a>忽略此消息</a></div>` : ''}
</div>
</body></html>
`;
}
