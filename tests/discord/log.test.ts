import { describe, expect, test } from 'vitest';
import { REDACTED, scrub } from '../../src/discord/log.js';

describe('scrub', () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-part_of-the-token';

  test('replaces every occurrence of a secret, wherever it sits in the line', () => {
    const line = JSON.stringify({ msg: `login with ${token}`, err: { headers: { authorization: `Bot ${token}` } } });
    expect(scrub(line, [token])).toBe(JSON.stringify({ msg: `login with ${REDACTED}`, err: { headers: { authorization: `Bot ${REDACTED}` } } }));
  });

  test('redacts the token of interaction and webhook URLs, keeping the rest of the URL', () => {
    const line = JSON.stringify({
      callback: 'https://discord.com/api/v10/interactions/1300000000000000008/aW50ZXJhY3Rpb246MTMwMA.tok-en_x/callback?with_response=false',
      edit: 'https://discord.com/api/v10/webhooks/1300000000000000001/aW50ZXJhY3Rpb246MTMwMA.tok-en_x/messages/@original',
    });
    expect(scrub(line, [])).toBe(
      JSON.stringify({
        callback: `https://discord.com/api/v10/interactions/1300000000000000008/${REDACTED}/callback?with_response=false`,
        edit: `https://discord.com/api/v10/webhooks/1300000000000000001/${REDACTED}/messages/@original`,
      }),
    );
  });

  test('leaves a line without secrets as it is, and ignores a secret too short to be a token', () => {
    const line = '{"msg":"index ready","articles":3131,"url":"https://example.com/interactions"}';
    expect(scrub(line, ['x', ''])).toBe(line);
  });
});
