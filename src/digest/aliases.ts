/**
 * Other names a topic page states for its topic. Pages open like
 * `LLM（Large Language Model，大语言模型）是…` or say `又称…` / `简称…`; those names are what
 * users type, so they resolve to the topic.
 */
export function extractAliases(name: string, title: string, definition: string): string[] {
  const found: string[] = [];
  if (title && title !== name) found.push(title);

  const opening = /^\s*([^（(，,。：:]{1,40}?)\s*[（(]([^）)]{1,120})[）)]/.exec(definition);
  if (opening) {
    const head = opening[1]!.trim();
    if (sameName(head, name) || sameName(head, title)) {
      if (head !== name) found.push(head);
      found.push(...opening[2]!.split(/[，,、;；/]|\s+or\s+|或/).map(cleanAlias));
    }
  }
  for (const m of definition.matchAll(/(?:又称|也称|简称|亦称|别名|俗称|全称|也叫|又叫)[为是作]?\s*[“"「『]?([^”"」』，,。、；;（()）\s]{2,40})/g)) {
    found.push(cleanAlias(m[1]!));
  }

  const seen = new Set([name.toLowerCase()]);
  return found.filter((alias) => {
    const key = alias.toLowerCase();
    if (!alias || seen.has(key) || Array.from(alias).length > 40) return false;
    seen.add(key);
    return true;
  });
}

function cleanAlias(text: string): string {
  return text.replace(/^\s*(?:即|又称|简称|全称|英文|中文|英文名|中文名)\s*[:：]?\s*/, '').replace(/[“”"「」『』]/g, '').trim();
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return norm(a) === norm(b);
}
