import { describe, expect, it } from 'vitest';
import { extractAliases } from '../../src/digest/aliases.js';

describe('extractAliases', () => {
  it('reads the names glossed in the opening parenthesis', () => {
    expect(extractAliases('LLM', 'LLM', 'LLM（Large Language Model，大语言模型）是基于海量文本训练的模型。')).toEqual([
      'Large Language Model',
      '大语言模型',
    ]);
  });

  it('accepts ASCII parentheses and other separators', () => {
    expect(extractAliases('RAG', 'RAG', 'RAG (Retrieval-Augmented Generation / 检索增强生成) 是一种方法。')).toEqual([
      'Retrieval-Augmented Generation',
      '检索增强生成',
    ]);
  });

  it('ignores a parenthesis that glosses some other name', () => {
    expect(extractAliases('Agent', 'Agent', '工具调用（Tool Use）是 Agent 的基础能力。')).toEqual([]);
  });

  it('reads names introduced by 又称, 简称 and 全称', () => {
    expect(extractAliases('Claude Code', 'Claude Code', 'Claude Code 是终端编程智能体，又称“克劳德代码”。')).toEqual(['克劳德代码']);
    expect(extractAliases('MCP', 'MCP', '模型上下文协议，简称 MCP，全称 Model，用于连接工具。')).toEqual(['Model']);
  });

  it('lists the title when it differs from the file name, and never the name itself', () => {
    expect(extractAliases('llm', 'LLM 大语言模型', 'llm（LLM）是模型。')).toEqual(['LLM 大语言模型']);
    expect(extractAliases('OpenAI', 'OpenAI', 'OpenAI（openai）是一家公司。')).toEqual([]);
  });

  it('keeps the written form of a head that differs from the name only in case or spacing', () => {
    expect(extractAliases('claudecode', 'claudecode', 'Claude Code（CC）是工具。')).toEqual(['Claude Code', 'CC']);
  });

  it('drops duplicates and over-long names', () => {
    const long = 'x'.repeat(41);
    expect(extractAliases('A', 'A', `A（B，b，${long}）又称 B。`)).toEqual(['B']);
  });
});
