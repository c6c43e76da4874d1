/**
 * Each slash command end to end: the fake Discord sends the interaction, the real discord.js client of the
 * bot answers, and the answer's content is checked as the fake Discord received it.
 */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { about } from '../../src/answers/about.ts';
import { autocomplete } from '../../src/answers/autocomplete.ts';
import { search } from '../../src/answers/search.ts';
import { SEARCH_RESULTS } from '../../src/bot/answer.ts';
import { startHarness, interactionLog, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const callbackType = (body: unknown) => (body as { type: number }).type;
const callbackData = (body: unknown) =>
  (body as { data?: { flags?: number; choices?: { name: string }[] } }).data;

describe('login', () => {
  test('the bot identifies, gets READY and its guild', () => {
    expect(h.discord.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.user?.id).toBe(h.discord.applicationId);
    expect([...h.bot.client.guilds.cache.keys()]).toEqual(h.discord.guilds);
    expect(h.logs.some((l) => l.msg === 'ready')).toBe(true);
  });
});

describe('/search', () => {
  test('defers, then shows the best passage quoted with the matched words bold, its article, and pages', async () => {
    const query = 'medical engineering';
    const core = search(h.index, query, { limit: SEARCH_RESULTS });
    const best = core.answers[0]!;
    const i = h.discord.command('search', { query });
    const reply = await h.discord.finalReply(i);
    expect(callbackType(i.callbacks[0]!.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callbackData(i.callbacks[0]!.body)?.flags ?? 0).toBe(0);
    expect(reply.content).toBe('');
    const [embed] = reply.embeds;
    expect(reply.embeds).toHaveLength(1);
    expect(embed!.title).toBe('Search: medical engineering');
    expect(embed!.description!.startsWith('> ')).toBe(true);
    expect(embed!.description).toContain('**Medical** **Engineering**');
    for (const word of best.highlights) expect(embed!.description).toContain(`**${word}**`);
    expect(embed!.description!.replace(/\*\*/g, '').slice(2)).toBe(best.context);
    expect(embed!.fields![0]).toEqual({
      name: 'Article',
      value:
        'Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU · published 6 November 2019',
    });
    expect(best.article.title).toBe(
      'Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU',
    );
    expect(embed!.fields![1]!.name).toBe('Other results');
    expect(embed!.fields![1]!.value.split('\n')).toHaveLength(core.answers.length - 1);
    expect(embed!.footer!.text).toBe(
      `Result 1 of ${core.answers.length} · article ${best.article.id} · score ${best.score}`,
    );
    // Previous (disabled) and Next, their custom_id naming the asker.
    const buttons = (
      reply.components[0] as { components: { custom_id: string; label: string; disabled: boolean }[] }
    ).components;
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
    expect(buttons[1]!.custom_id).toBe(`page:${i.id}:${i.payload.member!.user.id}:1`);
    const log = await interactionLog(h, i.id);
    expect(log).toMatchObject({ kind: 'command', command: 'search', outcome: 'answered' });
    expect(typeof log.latencyMs).toBe('number');
  });

  test('a source link is given when the article has one', async () => {
    const i = h.discord.command('search', { query: 'Shanghai General Hospital' });
    const reply = await h.discord.finalReply(i);
    expect(reply.embeds[0]!.fields![0]!.value).toBe(
      '[A Cooperation Agreement Signed between Shanghai General Hospital and Shanghai University of Engineering and Technology](https://mp.weixin.qq.com/s/6ZmvafflXcZ\\_YffawXbJPg) · publication date not stated'.replace(
        '\\_',
        '_',
      ),
    );
  });

  test('nothing found: a short message echoing the query escaped, never pinging', async () => {
    const i = h.discord.command('search', {
      query: 'xqzvw [click](http://evil.example) @everyone <@123456789012345678>',
    });
    const reply = await h.discord.finalReply(i);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toMatch(
      /^No answer for "xqzvw \\\[click\]\(http:\/\/evil\.example\)" in the corpus\./,
    );
    expect(reply.content).not.toContain('@everyone');
    const edit = i.webhooks.at(-1)!.body as { allowed_mentions: { parse: string[] } };
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('/who-signed', () => {
  // Depends on the extracted facts (src/facts): the Qingpu signing, its signers and its date.
  test('the signers with their roles and organisations, the date, the quote and the article', async () => {
    const i = h.discord.command('who-signed', { party: 'Qingpu' });
    const reply = await h.discord.finalReply(i);
    expect(callbackType(i.callbacks[0]!.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('Who signed: Qingpu');
    const [headline, , quote] = embed!.description!.split('\n');
    expect(headline).toMatch(
      /^\*\*.*Ding Xiaodong \(President, .*\).* and Yu Xufeng \(Governor, .*Qingpu.*\) signed .* on 27 May 2020\.\*\*$/,
    );
    expect(quote!.startsWith('> ')).toBe(true);
    expect(quote).toContain('**Qingpu**');
    expect(quote).toContain('USST President Ding Xiaodong and Yu Xufeng, Governor of');
    expect(embed!.fields![0]).toEqual({
      name: 'Article',
      value: 'USST Links Cooperation Agreement with Qingpu · published 6 June 2020',
    });
    expect(embed!.footer!.text).toMatch(/ · article 004_8c6205f0469ee44b$/);
  });

  // Holds with or without facts: a party no article names gets the no-answer message, query escaped.
  test('no answer: the query echoed escaped, with did-you-mean suggestions', async () => {
    const i = h.discord.command('who-signed', { party: 'Zebra crossing [x](http://evil.example)' });
    const reply = await h.discord.finalReply(i);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toMatch(
      /^No answer for "Zebra crossing \\\[x\]\(http:\/\/evil\.example\)" in the corpus\. /,
    );
    expect(reply.content).toMatch(/Did you mean: \*\*[^*]+\*\*( · \*\*[^*]+\*\*)*\?$|Try a party/);
  });
});

describe('/when', () => {
  // Depends on the extracted facts: the unveiling of the Innovation Center on 14 November 2020.
  test('the resolved date, the quote with the matched words bold, and the article', async () => {
    const i = h.discord.command('when', { event: 'Innovation Center unveiled' });
    const reply = await h.discord.finalReply(i);
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('When: Innovation Center unveiled');
    const [headline, , quote] = embed!.description!.split('\n');
    expect(headline).toMatch(/^\*\*14 November 2020: .*unveil.*\.\*\*$/);
    expect(quote).toMatch(/^> .*\*\*Innovation\*\* \*\*Center\*\*/);
    expect(embed!.fields![0]!.value).toBe(
      'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST · published 22 November 2020',
    );
  });

  // Holds with or without facts.
  test('no answer: a short message, the query escaped', async () => {
    const i = h.discord.command('when', { event: 'moon_landing ~~ on mars' });
    const reply = await h.discord.finalReply(i);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toMatch(/^No answer for "moon landing on mars" in the corpus\./);
  });

  test('an empty query is refused with the reason', async () => {
    const i = h.discord.command('when', { event: '<@123456789012345678> **' });
    const reply = await h.discord.finalReply(i);
    expect(reply.content).toBe('The query is empty: type a few words to look for.');
  });
});

describe('/about', () => {
  test('article count, titles and dates, newest first', async () => {
    const summary = about(h.index);
    const i = h.discord.command('about', {});
    const reply = await h.discord.finalReply(i);
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('The corpus');
    const lines = embed!.description!.split('\n');
    expect(lines[0]).toBe(
      `5 articles, ${summary.signingCount} signings, ${summary.eventCount} dated events.`,
    );
    expect(lines.slice(2)).toEqual([
      '- Strategic Cooperation Agreement Signed between USST and Gongli · published 27 August 2022',
      '- Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST · published 22 November 2020',
      '- USST Links Cooperation Agreement with Qingpu · published 6 June 2020',
      '- Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU · published 6 November 2019',
      '- [A Cooperation Agreement Signed between Shanghai General Hospital and Shanghai University of Engineering and Technology](https://mp.weixin.qq.com/s/6ZmvafflXcZ_YffawXbJPg) · publication date not stated',
    ]);
  });
});

describe('private', () => {
  test('a private /search is deferred ephemeral', async () => {
    const i = h.discord.command('search', { query: 'Gongli hospital', private: true });
    const reply = await h.discord.finalReply(i);
    expect(callbackData(i.callbacks[0]!.body)?.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.title).toBe('Search: Gongli hospital');
  });

  test('a private /who-signed and /about reply ephemeral; without private, public', async () => {
    const secret = h.discord.command('who-signed', { party: 'Gongli', private: true });
    const open = h.discord.command('about', { private: false });
    await h.discord.finalReply(secret);
    await h.discord.finalReply(open);
    expect(callbackData(secret.callbacks[0]!.body)?.flags).toBe(MessageFlags.Ephemeral);
    expect(callbackData(open.callbacks[0]!.body)?.flags ?? 0).toBe(0);
  });
});

describe('autocomplete', () => {
  test('/search suggests the titles and words that match what is typed', async () => {
    const i = h.discord.autocomplete('search', { query: 'USST' }, 'query');
    const response = await h.discord.firstResponse(i);
    expect(callbackType(response.body)).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const names = callbackData(response.body)!.choices!.map((c) => c.name);
    expect(names).toEqual(autocomplete(h.index, 'search', 'USST'));
    expect(names).toContain('USST Links Cooperation Agreement with Qingpu');
    expect(names.length).toBeLessThanOrEqual(25);
  });

  test('/who-signed completes a party being typed; /when lists events; at most 25, each at most 100', async () => {
    const party = h.discord.autocomplete('who-signed', { party: 'Qing' }, 'party');
    const event = h.discord.autocomplete('when', { event: '' }, 'event');
    const parties = callbackData((await h.discord.firstResponse(party)).body)!.choices!;
    const events = callbackData((await h.discord.firstResponse(event)).body)!.choices!;
    expect(parties.some((c) => /qingpu/i.test(c.name))).toBe(true);
    for (const list of [parties, events]) {
      expect(list.length).toBeLessThanOrEqual(25);
      for (const c of list) expect(c.name.length).toBeLessThanOrEqual(100);
    }
    // Depends on the extracted facts: the events are listed when nothing is typed.
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('safety', () => {
  test('every answer so far kept within Discord limits and pinged no one', () => {
    expect(h.discord.violations).toEqual([]);
    for (const record of h.discord.interactions.values()) {
      for (const request of [...record.callbacks, ...record.webhooks]) {
        const body = request.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown };
        const mentions = body?.data?.allowed_mentions ?? body?.allowed_mentions;
        if (mentions !== undefined) expect(mentions).toEqual({ parse: [], replied_user: false });
      }
    }
  });

  test('the client itself parses no mentions', () => {
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
