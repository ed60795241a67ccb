import { describe, expect, it } from 'vitest';
import { classifyLabel, matchLabel, parseSummary } from '../../src/digest/summary.js';

const summary = (text: string) => parseSummary(text.split('\n'));

describe('parseSummary: labelled parts', () => {
  it('reads numbered bold-line labels', () => {
    expect(
      summary(
        '**1) 一句话总结**\nOpenAI 推出超快编程模型。\n\n**2) 关键要点**\n*   **极致速度**：每秒 1000 个 Token。\n*   **可用性**：面向 Pro 用户。\n\n**3) 风险与不足**\n*   **缺乏独立验证**：尚无第三方结果。\n',
      ),
    ).toEqual({
      oneLine: 'OpenAI 推出超快编程模型。',
      keyPoints: ['极致速度：每秒 1000 个 Token。', '可用性：面向 Pro 用户。'],
      risks: ['缺乏独立验证：尚无第三方结果。'],
    });
  });

  it('reads unnumbered ### heading labels', () => {
    expect(summary('### 一句话总结\n\n一句话。\n\n### 核心要点\n\n- 甲\n- 乙\n\n### 风险/不足\n\n- 丙\n')).toEqual({
      oneLine: '一句话。',
      keyPoints: ['甲', '乙'],
      risks: ['丙'],
    });
  });

  it('reads numbered ### heading labels', () => {
    expect(summary('### 1. 一句话总结\n一句话。\n### 2. 关键点\n- 甲\n### 3. 风险与缺口\n- 乙\n')).toEqual({
      oneLine: '一句话。',
      keyPoints: ['甲'],
      risks: ['乙'],
    });
  });

  it('reads a label with its text on the same line', () => {
    expect(summary('**一句话总结**：同一行的总结。\n**关键信息**\n- 甲\n**局限**\n- 乙\n')).toEqual({
      oneLine: '同一行的总结。',
      keyPoints: ['甲'],
      risks: ['乙'],
    });
  });

  it('reads the 风险与不足（基于原文明确提及） label as risks', () => {
    expect(summary('**一句话总结**\n总结。\n**核心要点**\n- 甲\n**风险与不足（基于原文明确提及）**\n- 认定依据尚未公开。\n').risks).toEqual([
      '认定依据尚未公开。',
    ]);
  });

  it('keeps a paragraph under a risks label as one risk', () => {
    expect(summary('**一句话总结**\n总结。\n**风险与不足**\n原文没有给出成本数据。\n').risks).toEqual(['原文没有给出成本数据。']);
  });

  it('folds nested sub-lists into their parent bullet', () => {
    expect(summary('### 关键点\n- 作者总结了十二条原则：\n   1. 先写测试\n   2. 小步提交\n- 第二条要点\n  续行文字\n').keyPoints).toEqual([
      '作者总结了十二条原则： 先写测试 小步提交',
      '第二条要点 续行文字',
    ]);
  });
});

describe('parseSummary: unlabelled summaries', () => {
  it('reads a paragraph then bullets as the one-sentence summary and key points', () => {
    expect(summary('Cloudflare 认为轻微信号叠加会形成攻击链。\n\n- 暴露的后台说明正在侦察。\n- 支付路径的异常意味着盗刷。\n')).toEqual({
      oneLine: 'Cloudflare 认为轻微信号叠加会形成攻击链。',
      keyPoints: ['暴露的后台说明正在侦察。', '支付路径的异常意味着盗刷。'],
      risks: [],
    });
  });

  it('joins a multi-line paragraph into one line', () => {
    expect(summary('第一行，\n第二行。\n').oneLine).toBe('第一行， 第二行。');
  });

  it('uses the bullets as the one-line summary when there is no paragraph', () => {
    expect(summary('- 甲。\n- 乙。\n')).toEqual({ oneLine: '甲。 乙。', keyPoints: ['甲。', '乙。'], risks: [] });
  });

  it('gives empty parts for an empty summary', () => {
    expect(summary('\n\n')).toEqual({ oneLine: '', keyPoints: [], risks: [] });
  });
});

describe('classifyLabel', () => {
  it.each([
    ['一句话总结', 'oneLine'],
    ['1) 一句话总结', 'oneLine'],
    ['TL;DR', 'oneLine'],
    ['关键要点', 'keyPoints'],
    ['核心要点', 'keyPoints'],
    ['关键点', 'keyPoints'],
    ['关键信息', 'keyPoints'],
    ['2. 关键要点：', 'keyPoints'],
    ['Key points', 'keyPoints'],
    ['风险与不足', 'risks'],
    ['风险/不足', 'risks'],
    ['风险与缺口', 'risks'],
    ['局限', 'risks'],
    ['三、风险与不足（基于原文明确提及）', 'risks'],
    ['Limitations', 'risks'],
  ] as const)('classifies %s as %s', (label, part) => {
    expect(classifyLabel(label)).toBe(part);
  });

  it('returns null for words that are not a summary label, and for long sentences', () => {
    expect(classifyLabel('背景')).toBeNull();
    expect(classifyLabel('')).toBeNull();
    expect(classifyLabel('这是一句很长的正文句子里面碰巧提到了关键要点这几个字而已')).toBeNull();
  });
});

describe('matchLabel', () => {
  it('recognises bold, heading and prefixed labels', () => {
    expect(matchLabel('**2) 关键要点**')).toEqual({ part: 'keyPoints', rest: '' });
    expect(matchLabel('#### 风险与不足')).toEqual({ part: 'risks', rest: '' });
    expect(matchLabel('**一句话总结**：正文')).toEqual({ part: 'oneLine', rest: '正文' });
    expect(matchLabel('一句话总结：正文')).toEqual({ part: 'oneLine', rest: '正文' });
  });

  it('never treats a list item as a label', () => {
    expect(matchLabel('- **风险与不足**：列表项')).toBeNull();
    expect(matchLabel('1. 关键要点')).toBeNull();
  });

  it('ignores blank lines and bold text that is not a label', () => {
    expect(matchLabel('   ')).toBeNull();
    expect(matchLabel('**重要的话**说三遍')).toBeNull();
  });
});
