import type { DocRecord } from '../../src/digest/types.js';

/** A record as the parser would give it, titled after its file name: tests set only what they are about. */
export function docRecord(path: string, fields: Partial<DocRecord> = {}): DocRecord {
  return {
    path,
    kind: path.startsWith('00-') ? 'topic' : 'article',
    title: path.split('/').pop()!.replace(/\.md$/, ''),
    date: '',
    author: '',
    sourceName: '',
    url: '',
    oneLine: '',
    keyPoints: [],
    risks: [],
    topics: [],
    related: [],
    definition: '',
    aliases: [],
    ...fields,
  };
}
