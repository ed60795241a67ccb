import fc from 'fast-check';

/**
 * Text as people type names and titles: Latin and full-width letters, digits, Han, CJK and ASCII
 * punctuation, joiners and spaces. (Arbitrary combining-mark sequences are left out on purpose.)
 */
const CHARS = Array.from('AaZzＯｐ１5-_.·・ \u3000\t：（）“”英伟达芯片!?/+#éßİΣςÅﬃ①㈱…—');

export const typedText = (maxLength = 30) =>
  fc.string({ unit: fc.oneof(fc.constantFrom(...CHARS), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })), maxLength });
