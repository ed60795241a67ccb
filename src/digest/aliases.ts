/**
 * Other names a topic page states for its topic, in the ways these pages state them:
 * `LLM（Large Language Model，大语言模型）是…`, `TDD 是 Test Driven Development（测试驱动开发）的缩写`,
 * `cli 指命令行界面（Command Line Interface）`, `通常译为“领域特定语言”`, `又称…`,
 * `Infinite Minds，中文…译作“无限心智”`, or a Chinese
 * name as the subject of the definition of an English-named page (`代码审查是…` on code-review).
 * Those names are what users type, so they resolve to the topic.
 */
export function extractAliases(name: string, title: string, definition: string): string[] {
  const found: string[] = [];
  if (title && title !== name) found.push(title);
  const firstSentence = definition.split(/[。！？\n]/)[0] ?? '';

  const opening = /^\s*([^（(，,。：:]{1,40}?)\s*[（(]([^）)]{1,120})[）)]/.exec(firstSentence);
  if (opening && isNameOf(opening[1]!, name, title)) {
    found.push(opening[1]!.trim(), ...splitNames(opening[2]!));
  }

  const subject = /^\s*([^（(，,。：:]{1,30}?)\s*(?:是|指|即)\s*(.*)$/.exec(firstSentence);
  if (subject) {
    const [, head, rest] = subject as unknown as [string, string, string];
    if (!isNameOf(head, name, title) && Array.from(head.trim()).length <= 12) found.push(head.trim());
    const glossed = /^(?:对)?\s*([^（(，,。“”"]{2,40}?)\s*[（(]([^）)]{2,80})[）)]/.exec(rest);
    if (glossed && isNameOf(head, name, title)) found.push(glossed[1]!.trim(), ...splitNames(glossed[2]!));
    const abbreviation = /^([^，,。（(]{2,50}?)\s*(?:[（(]([^）)]+)[）)])?\s*的(?:缩写|简称)/.exec(rest);
    if (abbreviation) found.push(abbreviation[1]!.trim(), ...splitNames(abbreviation[2] ?? ''));
  }

  const stated = /(?:译为|译作|又称|也称|简称|亦称|别名|俗称|全称|也叫|又叫|称作|称为)[为是作]?\s*[“"「『]?([^”"」』，,。、；;（()）]{2,40})/g;
  for (const m of definition.matchAll(stated)) found.push(cleanAlias(m[1]!));
  // `… Infinite Minds，中文语境里也常译作“无限心智”`: the English name whose rendering is given.
  for (const m of definition.matchAll(/([A-Za-z][A-Za-z0-9 .-]{2,40})[，,]\s*中文[^“"，,。]{0,10}(?:译作|译为|称为|叫做)/g)) found.push(m[1]!.trim());

  const seen = new Set([name.toLowerCase()]);
  return found.map(cleanAlias).filter((alias) => {
    const key = alias.toLowerCase();
    if (!alias || seen.has(key) || Array.from(alias).length > 40) return false;
    seen.add(key);
    return true;
  });
}

function splitNames(text: string): string[] {
  return text.split(/[，,、;；/]|\s+or\s+|或/).map(cleanAlias).filter(Boolean);
}

function cleanAlias(text: string): string {
  return text
    .replace(/^\s*(?:即|又称|简称|全称|英文|中文|英文名|中文名|通常译为|译为)\s*[:：]?\s*/, '')
    .replace(/[“”"「」『』]/g, '')
    .trim();
}

function isNameOf(head: string, name: string, title: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return norm(head) === norm(name) || norm(head) === norm(title);
}
