/** Every slash command of the bot, in the order Discord lists them. */
import type { Command } from '../src/bot/command.ts';
import { aboutCommand } from './about.ts';
import { searchCommand } from './search.ts';
import { whenCommand } from './when.ts';
import { whoSignedCommand } from './who-signed.ts';

export const commands: readonly Command[] = [whoSignedCommand, whenCommand, searchCommand, aboutCommand];

export { aboutCommand, searchCommand, whenCommand, whoSignedCommand };
