import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulletLabelWords, titleNamed as titleNamedWith } from '../../src/search/labels.js';

const titleNamed = (title: string, tokens: string[]) => titleNamedWith(title, tokens, () => false);

describe('titleNamed', () => {
  it('holds when the question has the name before the title’s colon as one word', () => {
    expect(titleNamed('FFmpeg：Mirror of git', ['github', 'ffmpeg', '星'])).toBe(true);
    expect(titleNamed('gosearch: Search anyone’s digital footprint', ['gosearch', '网站'])).toBe(true);
  });

  it('holds when the question has every word of a name it does not hold whole', () => {
    expect(titleNamed('ollama-python：Ollama 的 Python 库', ['ollama', 'python', '版本'])).toBe(true);
    expect(titleNamed('ollama-python：Ollama 的 Python 库', ['ollama', '版本'])).toBe(false);
  });

  it('does not hold for a common name', () => {
    const common = (name: string) => name === 'ai';
    expect(titleNamedWith('ai：The AI Toolkit for TypeScript', ['ai', 'typescript'], common)).toBe(false);
    expect(titleNamedWith('ai-sdk：The AI Toolkit for TypeScript', ['ai', 'sdk'], common)).toBe(true);
  });

  it('never holds for a question without words, whatever the title', () => {
    // A name the tokenizer cuts into no words (punctuation only) must not count as held by every question.
    fc.assert(fc.property(fc.string(), (title) => !titleNamed(title, [])));
    expect(titleNamed('——：破折号开头的标题', [])).toBe(false);
  });

  it('does not hold for a title without a colon, or one that opens with a lone character', () => {
    expect(titleNamed('FFmpeg 的新版本', ['ffmpeg'])).toBe(false);
    expect(titleNamed('问：写提示词的时候还需要角色设定吗？', ['问', '提示词'])).toBe(false);
  });
});

describe('bulletLabelWords', () => {
  it('gives the words of the label before a bullet’s colon, normalised', () => {
    expect(bulletLabelWords('iOS 测试限制：名额上限为 10,000 人')).toEqual(['ios', '测试', '限制']);
  });

  it('gives none for a bullet without a label, or with a sentence before its colon', () => {
    expect(bulletLabelWords('每周最多发布 14 条帖子。')).toEqual([]);
    expect(bulletLabelWords('作者在小红书发布的视频获得了一万多个赞，评论区说：太抽象了')).toEqual([]);
  });
});
