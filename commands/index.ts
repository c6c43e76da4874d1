/** Every command of the bot: the query commands of the command table, /about, /help, "Find the source". */
import { QUERY_COMMANDS } from '../src/answers/commands.ts';
import type { BotCommand } from '../src/bot/command.ts';
import { aboutCommand } from './about.ts';
import { helpCommand } from './help.ts';
import { queryCommand } from './query.ts';
import { sourceCommand } from './source.ts';

export const commands: readonly BotCommand[] = [
  ...QUERY_COMMANDS.map((spec) => queryCommand(spec)),
  aboutCommand,
  helpCommand,
  sourceCommand,
];

export { aboutCommand, helpCommand, sourceCommand };
