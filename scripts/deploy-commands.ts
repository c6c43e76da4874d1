/**
 * `npm run deploy-commands`: registers the bot's commands (slash commands and the message menu), in DISCORD_GUILD_ID when set (instant),
 * else globally (Discord may take up to an hour to show them everywhere).
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_BASE points it at another API (tests).
 */
import { commands } from '../commands/index.ts';
import { loadEnv, readConfig } from '../src/bot/config.ts';
import { deployCommands } from '../src/bot/deploy.ts';
import { UserError } from '../src/program/errors.ts';
import { runProgram } from '../src/program/run.ts';

async function main(): Promise<number> {
  loadEnv();
  const config = readConfig(undefined, { needApplicationId: true });
  let registered;
  try {
    registered = await deployCommands({
      commands,
      token: config.token,
      applicationId: config.applicationId!,
      guildId: config.guildId,
      apiBase: config.apiBase,
    });
  } catch (error) {
    throw new UserError(`Could not register the commands: ${(error as Error).message}`, { exitCode: 1 });
  }
  const { scope, names } = registered;
  // A slash command is written /name; a message menu command by its name, as Discord shows it.
  const label = (name: string) => (/^[-_\p{L}\p{N}]+$/u.test(name) ? `/${name}` : `"${name}"`);
  console.log(`Registered ${names.length} commands (${scope}): ${names.map(label).join(', ')}`);
  return 0;
}

runProgram('deploy-commands', main);
