/**
 * The bridge between discord.js's interaction methods and an HTTP interaction's response.
 *
 * Over HTTP, Discord takes the first answer to an interaction as the response to its POST (within 3 s);
 * later edits and follow-ups go to the interaction's webhook, as in gateway mode. discord.js sends every
 * first answer (reply, deferReply, update, deferUpdate, respond) as `POST /interactions/{id}/{token}/callback`,
 * so this wraps the client's REST `post`: a callback of an interaction whose HTTP request is still open
 * becomes that request's response, and everything else goes to Discord unchanged. The shared interaction
 * handler and the commands run as they do in gateway mode.
 *
 * The deadline: when nothing has answered after `deferAfterMs`, the responder defers on its own (a
 * "thinking…" for a command, a silent acknowledgement for a button, no choices for an autocomplete). An
 * answer that comes after that is carried to the webhook instead: a reply edits the deferred message (a
 * command) or becomes an ephemeral-capable follow-up (a button), an update edits the button's message.
 */
import type { ServerResponse } from 'node:http';
import {
  DiscordAPIError,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type REST,
  type RequestData,
} from 'discord.js';
import { ERROR_MESSAGE } from '../interactions.ts';
import type { Logger } from '../logger.ts';

const CALLBACK = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;

type Kind = 'command' | 'component' | 'autocomplete' | 'other';
type State = 'waiting' | 'answered' | 'deferred-by-us';

interface CallbackBody {
  type: InteractionResponseType;
  data?: Record<string, unknown> & { flags?: number };
}

interface Pending {
  id: string;
  token: string;
  applicationId: string;
  kind: Kind;
  /** Whether the answer is for the asker only (respond.ts isPrivate), for a deferral of our own. */
  ephemeral: boolean;
  state: State;
  response: ServerResponse;
  timer: NodeJS.Timeout | null;
  /** Our own deferral, once written: a late answer waits for it before going to the webhook. */
  deferral: Promise<void> | null;
}

export class Responder {
  private readonly pending = new Map<string, Pending>();
  private readonly post: REST['post'];

  constructor(
    private readonly rest: REST,
    private readonly options: { logger: Logger; deferAfterMs: number },
  ) {
    this.post = rest.post.bind(rest);
    rest.post = (route, request) => {
      const match = CALLBACK.exec(route);
      const pending = match ? this.pending.get(match[1]!) : undefined;
      if (!pending || pending.token !== match![2]) return this.post(route, request);
      return this.callback(pending, request);
    };
  }

  /** Opens an interaction's HTTP response; its first callback (or our deferral) will answer it. */
  open(interaction: APIInteraction, response: ServerResponse, ephemeral: boolean): void {
    const pending: Pending = {
      id: interaction.id,
      token: interaction.token,
      applicationId: interaction.application_id,
      kind: kindOf(interaction),
      ephemeral,
      state: 'waiting',
      response,
      timer: null,
      deferral: null,
    };
    pending.timer = setTimeout(() => this.deferOnOurOwn(pending), this.options.deferAfterMs);
    pending.timer.unref();
    this.pending.set(pending.id, pending);
  }

  /** The handler is done: answers the request if nothing did, and forgets the interaction. */
  async close(id: string): Promise<void> {
    const pending = this.pending.get(id);
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    if (pending.state === 'waiting') {
      this.options.logger.warn('interaction left unanswered by the handler: acknowledged', {
        interaction: id,
        kind: pending.kind,
      });
      pending.state = 'answered';
      await this.answer(pending, fallback(pending));
    }
    this.pending.delete(id);
  }

  /** Stops every timer (shutting down); open requests are acknowledged so Discord is not left waiting. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.close(id)));
  }

  get size(): number {
    return this.pending.size;
  }

  private async callback(pending: Pending, request: RequestData | undefined): Promise<unknown> {
    const body = request?.body as CallbackBody | undefined;
    if (!body || typeof body.type !== 'number') throw new Error('interaction callback without a type');
    if (request?.files?.length) throw new Error('files cannot be sent in an HTTP interaction response');
    if (pending.state === 'waiting') {
      if (pending.timer) clearTimeout(pending.timer);
      pending.state = 'answered';
      await this.answer(pending, body);
      return undefined;
    }
    if (pending.state === 'deferred-by-us') {
      pending.state = 'answered';
      return this.late(pending, body);
    }
    // As Discord answers a second callback.
    throw new DiscordAPIError(
      { code: 40060, message: 'Interaction has already been acknowledged.' },
      40060,
      400,
      'POST',
      Routes.interactionCallback(pending.id, pending.token),
      { body, files: undefined },
    );
  }

  /** Writes the HTTP response; resolves once it is handed to the socket (so a webhook edit comes after). */
  private answer(pending: Pending, body: CallbackBody): Promise<void> {
    const { response } = pending;
    if (response.writableEnded || response.destroyed) {
      this.options.logger.warn('interaction request closed before its answer', { interaction: pending.id });
      return Promise.resolve();
    }
    const text = JSON.stringify(body);
    return new Promise((resolve) => {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
      });
      response.end(text, () => resolve());
      response.once('close', () => resolve());
    });
  }

  private deferOnOurOwn(pending: Pending): void {
    pending.timer = null;
    if (pending.state !== 'waiting') return;
    this.options.logger.info('no answer yet: deferred', {
      interaction: pending.id,
      kind: pending.kind,
      afterMs: this.options.deferAfterMs,
    });
    pending.state = 'deferred-by-us';
    pending.deferral = this.answer(pending, acknowledgement(pending));
  }

  /** An answer that came after our own deferral, carried to the interaction's webhook. */
  private async late(pending: Pending, body: CallbackBody): Promise<unknown> {
    const { applicationId, token } = pending;
    await pending.deferral;
    const data = body.data ?? {};
    const original = Routes.webhookMessage(applicationId, token, '@original');
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        if (pending.kind === 'component') {
          return this.post(Routes.webhook(applicationId, token), {
            body: data,
            auth: false,
            query: new URLSearchParams({ wait: 'true' }),
          });
        }
        // The deferred reply's visibility is settled: the flags cannot change it now.
        return this.rest.patch(original, { body: withoutFlags(data), auth: false });
      case InteractionResponseType.UpdateMessage:
        return this.rest.patch(original, { body: withoutFlags(data), auth: false });
      case InteractionResponseType.DeferredChannelMessageWithSource:
      case InteractionResponseType.DeferredMessageUpdate:
        return undefined;
      default:
        this.options.logger.warn('answer came after the deadline and was dropped', {
          interaction: pending.id,
          kind: pending.kind,
          type: body.type,
        });
        return undefined;
    }
  }
}

function kindOf(interaction: APIInteraction): Kind {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ModalSubmit:
      return 'command';
    case InteractionType.MessageComponent:
      return 'component';
    case InteractionType.ApplicationCommandAutocomplete:
      return 'autocomplete';
    default:
      return 'other';
  }
}

/** What answers an interaction that has no answer yet, keeping it open for a webhook edit. */
function acknowledgement(pending: Pending): CallbackBody {
  switch (pending.kind) {
    case 'command':
      return {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(pending.ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
      };
    case 'autocomplete':
      return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
    default:
      return { type: InteractionResponseType.DeferredMessageUpdate };
  }
}

/** What answers an interaction the handler finished without answering (it should not happen). */
function fallback(pending: Pending): CallbackBody {
  if (pending.kind !== 'command') return acknowledgement(pending);
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: ERROR_MESSAGE, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  };
}

function withoutFlags(data: Record<string, unknown>): Record<string, unknown> {
  const { flags: _flags, ...rest } = data;
  return rest;
}
