/**
 * Words that carry no meaning for retrieval: function words, and the question words people wrap a
 * query in ("…是什么", "怎么…"). Dropped at index and query time alike.
 */
const CHINESE = `
的 地 得 了 着 过 是 在 和 与 及 或 而 并 且 也 都 就 还 又 再 很 更 最 被 把 将 对 从 向 为 于 以 由 让 给 等 之 其 这 那 此
个 些 种 们 吗 呢 吧 啊 呀 嘛 么 哪 谁 啥 怎 么样 怎样 怎么 怎么样 如何 什么 为什么 为何 是否 能否 可否 有没有 有何 有哪些 哪些 哪个 哪里 多少
请问 请 一下 关于 有关 相关 一个 一些 这个 那个 这些 那些 这样 那样 以及 还是 或者 而且 但是 但 如果 因为 所以 因此 可以 能够 会 要 需要 应该
有 没有 我 你 他 她 它 我们 你们 他们 自己 吗 呢 中 上 下 里 后 前 时 当 已 已经 正在 目前 进行 通过 使用 用 文章 文 讲 说 提到 介绍 介绍了 一下子
想 做 去 不是 这种 现在 时候 像 看 一
`;

const ENGLISH = `
a an the and or but if then of to in on at by for with from as is are was were be been being it its this that these those
what which who whom how why when where does do did can could should would will shall may might about into than so not no
i you he she we they me my your our their please tell explain
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [CHINESE, ENGLISH].flatMap((list) => list.split(/\s+/)).filter(Boolean),
);
