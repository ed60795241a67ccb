/**
 * A mistake the user can fix (empty query, unknown topic, nothing found): a value carrying the
 * Chinese message shown to them, privately. Anything else that goes wrong is ours: it is logged
 * with its context and the user only gets {@link APOLOGY}.
 */
export class UserError {
  constructor(readonly message: string) {}
}

export const APOLOGY = '抱歉，机器人出了点问题，已记录下来。请稍后再试。';

/** What a click on a button or menu from another bot, an old version or a garbled message gets. */
export const STALE_COMPONENT = new UserError('这个按钮或菜单已失效，请重新使用命令。');

/** What a new interaction gets while the bot shuts down, finishing the ones in flight. */
export const RESTARTING = new UserError('机器人正在重启，请稍后再试。');

/** What a user past their rate gets, with the wait rounded up to whole seconds. */
export const slowDown = (waitMs: number) => new UserError(`你的操作太频繁了，请 ${Math.ceil(waitMs / 1000)} 秒后再试。`);
