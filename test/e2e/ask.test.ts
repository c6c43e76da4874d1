/**
 * Asking in words end to end: /ask, questions in mentions (a guild channel, a thread, a DM), the
 * "Find the source" message menu, the buttons of a no-answer, /help; a bot's message and a replayed one
 * get no answer. The fake Discord checks every reply against Discord's rules, among them that no reply can
 * ping anyone (allowed_mentions parses nothing, a reply does not ping its author).
 */
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ask } from '../../src/answers/ask.ts';
import { QUERY_COMMANDS } from '../../src/answers/commands.ts';
import { whoSigned } from '../../src/answers/facts.ts';
import { user } from '../discord/fixtures.ts';
import type { RecordedRequest } from '../discord/server.ts';
import { interactionLog, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

interface Button {
  type: number;
  style: number;
  label?: string;
  custom_id?: string;
  url?: string;
}
interface Posted {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: Button[] }[];
  message_reference?: { message_id: string };
  allowed_mentions?: unknown;
}
const posted = (request: RecordedRequest) => request.body as Posted;
const buttonsOf = (components: unknown) =>
  ((components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);

const QINGPU = 'Who signed the agreement with Qingpu District?';

describe('/ask', () => {
  test('a who-signed question in words is answered as /who-signed answers it', async () => {
    const core = ask(h.index, QINGPU);
    expect(core.as).toBe('who-signed');
    const i = h.discord.command('ask', { question: QINGPU });
    const reply = await h.discord.finalReply(i);
    const [embed] = reply.embeds;
    expect(embed!.title).toBe(`Who signed: ${QINGPU}`);
    expect(embed!.description).toContain('Ding Xiaodong');
    expect(embed!.description).toContain('Yu Xufeng');
    expect(embed!.fields![0]!.value).toContain(core.answers[0]!.article.title);
    expect((await interactionLog(h, i.id)).outcome).toBe('answered');
  });

  test('a question no fact answers gets the passages of a search', async () => {
    const question = 'Will the hospital offer counselling to students?';
    expect(ask(h.index, question).as).toBe('search');
    const reply = await h.discord.finalReply(h.discord.command('ask', { question }));
    expect(reply.embeds[0]!.title).toBe(`Search: ${question}`);
    expect(reply.embeds[0]!.description).toMatch(/counsel/i);
  });

  test('autocomplete completes the question being typed with what the corpus holds', async () => {
    const i = h.discord.autocomplete('ask', { question: 'who signed with qingp' }, 'question');
    await h.discord.firstResponse(i);
    const choices = (i.callbacks[0]!.body as { data: { choices: { name: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(choice.name.toLowerCase()).toMatch(/^who signed with /);
    expect(choices.some((c) => /Qingpu/.test(c.name))).toBe(true);
  });
});

describe('the buttons of a no-answer', () => {
  test('each did-you-mean runs its query; "Search instead" searches the words asked', async () => {
    const query = 'Qingpu nursing';
    const core = whoSigned(h.index, query);
    expect(core.answers).toHaveLength(0);
    expect(core.suggestions.length).toBeGreaterThan(0);
    const i = h.discord.command('who-signed', { party: query });
    const reply = await h.discord.finalReply(i);
    expect(reply.content).toMatch(/^No answer for "Qingpu nursing"/);
    const buttons = buttonsOf(reply.components);
    const suggestions = core.suggestions.slice(0, 4);
    expect(buttons).toHaveLength(suggestions.length + 1);
    suggestions.forEach((suggestion, k) => {
      const label = buttons[k]!.label!;
      expect(label.length).toBeLessThanOrEqual(80);
      expect(suggestion.startsWith(label.replace(/…$/, ''))).toBe(true);
    });
    expect(buttons.at(-1)!.label).toBe('Search instead');
    for (const b of buttons) expect(b.type).toBe(ComponentType.Button);

    const suggestion = h.discord.press(i, buttons[0]!.custom_id!);
    const answered = await h.discord.finalReply(suggestion);
    expect(answered.embeds[0]!.title).toMatch(/^Who signed: /);
    expect(answered.embeds[0]!.description).toContain('Ding Xiaodong');
    expect(answered.embeds[0]!.description).toContain('Yu Xufeng');
    expect((await interactionLog(h, suggestion.id)).outcome).toBe('answered');

    const instead = h.discord.press(i, buttons.at(-1)!.custom_id!);
    await h.discord.firstResponse(instead);
    const data = (instead.callbacks[0]!.body as { type: number; data: Posted }).data;
    expect((instead.callbacks[0]!.body as { type: number }).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
    expect(data.embeds?.[0]?.title).toBe('Search: Qingpu nursing');
  });

  test('a private no-answer keeps its answers private', async () => {
    const i = h.discord.command('when', { event: 'Qingpu nursing', private: true });
    const reply = await h.discord.finalReply(i);
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const press = h.discord.press(i, buttonsOf(reply.components).at(-1)!.custom_id!);
    await h.discord.firstResponse(press);
    expect((press.callbacks[0]!.body as { data: { flags?: number } }).data.flags).toBe(
      MessageFlags.Ephemeral,
    );
  });
});

describe('/help', () => {
  test('lists each command with an example', async () => {
    const reply = await h.discord.finalReply(h.discord.command('help', {}));
    const fields = reply.embeds[0]!.fields!;
    for (const command of QUERY_COMMANDS) {
      const field = fields.find((f) => f.name.startsWith(`/${command.name} `));
      expect(field?.value).toContain(`/${command.name} ${command.option.name}:${command.example}`);
    }
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['/about', '/help', 'Find the source']));
  });
});

describe('questions in chat', () => {
  const reply = (said: Parameters<Harness['discord']['repliesTo']>[0]) =>
    h.discord.waitFor(() => h.discord.repliesTo(said)[0], `a reply to message ${said.id}`);

  test('the bot asks for no privileged intent (Message Content)', () => {
    const MESSAGE_CONTENT = 1 << 15;
    for (const identify of h.discord.identifies) expect(identify.intents & MESSAGE_CONTENT).toBe(0);
  });

  test('a mention in a channel is answered as a reply that pings nobody', async () => {
    const said = h.discord.say('who signed the Qingpu agreement?', { mention: true });
    const request = await reply(said);
    expect(request.path).toBe(`/api/v10/channels/${h.discord.channelId}/messages`);
    const body = posted(request);
    expect(body.message_reference?.message_id).toBe(said.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds![0]!.description).toContain('Ding Xiaodong');
  });

  test('in a thread, the reply goes to the thread', async () => {
    const said = h.discord.say('when was the innovation center unveiled', { mention: true, where: 'thread' });
    const request = await reply(said);
    expect(request.path).toBe(`/api/v10/channels/${h.discord.threadId}/messages`);
    expect(posted(request).embeds![0]!.title).toMatch(/^When: /);
    expect(posted(request).embeds![0]!.description).toContain('14 November 2020');
  });

  test('in a DM, a question needs no mention', async () => {
    const said = h.discord.say('who put pen to paper for shanghai general hospital', { where: 'dm' });
    const request = await reply(said);
    expect(request.path).toBe(`/api/v10/channels/${h.discord.dmChannelId}/messages`);
    expect(posted(request).embeds![0]!.description).toContain('Wang Han');
  });

  test('a mention without a question gets the help', async () => {
    const said = h.discord.say('', { mention: true });
    expect(posted(await reply(said)).embeds![0]!.fields!.map((f) => f.name)).toContain('Mention me');
  });

  test("a bot's message, one without a mention, and a message delivered twice get no (second) answer", async () => {
    const robot = user('300000000000000009', 'robot', true);
    const fromBot = h.discord.say('who signed the Qingpu agreement?', { mention: true, user: robot });
    const unmentioned = h.discord.say('who signed the Qingpu agreement?');
    const twice = h.discord.say('who signed the Qingpu agreement?', { mention: true });
    h.discord.deliver(twice);
    // Messages are handled in order: once a later message is answered, the earlier ones were handled.
    const marker = h.discord.say('when was the innovation center unveiled', { mention: true });
    await reply(marker);
    expect(h.discord.repliesTo(fromBot)).toHaveLength(0);
    expect(h.discord.repliesTo(unmentioned)).toHaveLength(0);
    expect(h.discord.repliesTo(twice)).toHaveLength(1);
  });
});

describe('"Find the source"', () => {
  test('replies privately with the passages that support a message', async () => {
    const said = h.discord.say(
      'I read that 450 medical-engineering postgraduates were trained under the programme',
    );
    const i = h.discord.menu('Find the source', said);
    const final = await h.discord.finalReply(i);
    expect((i.callbacks[0]!.body as { data?: { flags?: number } }).data?.flags).toBe(MessageFlags.Ephemeral);
    expect(final.embeds[0]!.title).toBe('The passages that support this message');
    expect(final.embeds[0]!.description).toMatch(/450/);
    expect((await interactionLog(h, i.id)).outcome).toBe('answered');
  });

  test('says so when nothing in the corpus supports it', async () => {
    const said = h.discord.say('pineapple belongs on pizza, everyone knows');
    const final = await h.discord.finalReply(h.discord.menu('Find the source', said));
    expect(final.content).toBe('No passage of the corpus supports what this message says.');
  });
});

describe('safety', () => {
  test('no reply breached a Discord limit or could ping anyone', () => {
    expect(h.discord.violations).toEqual([]);
    for (const request of h.discord.channelPosts) {
      expect(posted(request).allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});

describe('the cooldown of questions in chat', () => {
  let slow: Harness;
  beforeAll(async () => {
    slow = await startHarness({ cooldownSeconds: 60 });
  });
  afterAll(async () => slow?.close());

  test('a user who asks again within the cooldown gets no second answer; others still do', async () => {
    const asker = user('500000000000000001', 'eager');
    const first = slow.discord.say('who signed the Qingpu agreement?', { mention: true, user: asker });
    const again = slow.discord.say('when was the innovation center unveiled', { mention: true, user: asker });
    const other = slow.discord.say('when was the innovation center unveiled', { mention: true });
    await slow.discord.waitFor(() => slow.discord.repliesTo(other)[0], 'the other user answered');
    expect(slow.discord.repliesTo(first)).toHaveLength(1);
    expect(slow.discord.repliesTo(again)).toHaveLength(0);
    const logged = await slow.discord.waitFor(
      () => slow.logs.find((l) => l.msg === 'message' && l.message === again.id),
      'the log line of the second question',
    );
    expect(logged.outcome).toBe('cooldown');
    expect(slow.discord.violations).toEqual([]);
  });
});
