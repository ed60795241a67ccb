import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
} from 'discord.js';
import { encodeCustomId, encodeOpenValue, type ComponentState, type OpenTarget } from '../customId.js';
import { LIMITS } from '../limits.js';
import { truncate } from '../text.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** One entry of the "open" menu: a document or topic the answer points to. */
export interface OpenOption {
  target: OpenTarget;
  label: string;
  description?: string;
}

function button(label: string, state: ComponentState, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponentWithCustomId | null {
  const customId = encodeCustomId(state);
  if (!customId) return null;
  return { type: ComponentType.Button, style, label, custom_id: customId };
}

export interface Paging {
  /** The state of the previous and next page; null where there is none. */
  previous: ComponentState | null;
  next: ComponentState | null;
}

/** Previous / next (only when there is more than one page) and share, on one row. */
export function buttonRow(paging: Paging | null): Row {
  const buttons: (APIButtonComponentWithCustomId | null)[] = [];
  if (paging && (paging.previous || paging.next)) {
    buttons.push(paging.previous ? button('上一页', paging.previous, ButtonStyle.Secondary) : null);
    buttons.push(paging.next ? button('下一页', paging.next, ButtonStyle.Secondary) : null);
  }
  buttons.push(button('公开分享', { kind: 'share' }, ButtonStyle.Primary));
  const present = buttons.filter((b): b is APIButtonComponentWithCustomId => b !== null);
  return { type: ComponentType.ActionRow, components: present.slice(0, LIMITS.buttonsPerRow) };
}

/** The menu to open a related document or topic; none when there is nothing to open. */
export function openMenu(options: readonly OpenOption[]): Row | null {
  const seen = new Set<string>();
  const entries: APISelectMenuOption[] = [];
  for (const option of options) {
    const value = encodeOpenValue(option.target);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    entries.push({
      // Discord rejects a blank label; a blank description is simply left out.
      label: truncate(option.label.trim(), LIMITS.selectOptionLabel, '…') || '…',
      value,
      ...(option.description?.trim() ? { description: truncate(option.description.trim(), LIMITS.selectOptionDescription, '…') } : {}),
    });
    if (entries.length === LIMITS.selectOptions) break;
  }
  if (entries.length === 0) return null;
  const customId = encodeCustomId({ kind: 'open' });
  if (!customId) return null;
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.StringSelect, custom_id: customId, placeholder: '打开相关文档或主题…', options: entries }],
  };
}

export function rows(...candidates: (Row | null)[]): Row[] {
  return candidates.filter((r): r is Row => r !== null);
}
