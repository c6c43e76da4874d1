import { describe, expect, it } from 'vitest';
import { checkQuery, cleanQuery, MAX_QUERY_LENGTH } from '../../src/answers/query.ts';

describe('queries', () => {
  it('drops mentions, @everyone and Markdown', () => {
    expect(cleanQuery('<@123456789012345678> **Qingpu** @everyone <@&42> `agreement`')).toBe(
      'Qingpu agreement',
    );
    expect(cleanQuery('> __who__ ~~signed~~ ||it||')).toBe('who signed it');
  });

  it('keeps the words of a custom emoji and drops control characters', () => {
    expect(cleanQuery('<:usst:123> signing\u0007')).toBe('usst signing');
  });

  it('refuses an empty query, or one of stop words or punctuation only, with a reason', () => {
    expect(checkQuery('   ')).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(checkQuery('<@123>')).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(checkQuery('?!? ... the of')).toEqual({ ok: false, reason: expect.stringMatching(/no words/) });
  });

  it('cuts an absurdly long query at a word', () => {
    const cleaned = cleanQuery('agreement '.repeat(500));
    expect(cleaned.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(cleaned.endsWith('agreement')).toBe(true);
  });
});
