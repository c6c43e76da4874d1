/**
 * `npm run deploy-commands`: registers the bot's commands (slash commands and the message menu), in DISCORD_GUILD_ID when set (instant),
 * else globally (Discord may take up to an hour to show them everywhere).
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_BASE points it at another API (tests).
 */
import { commands } from '../commands/index.ts';
import { ConfigError, loadEnv, readConfig } from '../src/bot/config.ts';
import { deployCommands } from '../src/bot/deploy.ts';

async function main(): Promise<number> {
  loadEnv();
  let config;
  try {
    config = readConfig(process.env, { needApplicationId: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  try {
    const { scope, names } = await deployCommands({
      commands,
      token: config.token,
      applicationId: config.applicationId!,
      guildId: config.guildId,
      apiBase: config.apiBase,
    });
    // A slash command is written /name; a message menu command by its name, as Discord shows it.
    const label = (name: string) => (/^[-_\p{L}\p{N}]+$/u.test(name) ? `/${name}` : `"${name}"`);
    console.log(`Registered ${names.length} commands (${scope}): ${names.map(label).join(', ')}`);
    return 0;
  } catch (error) {
    console.error(`Could not register the commands: ${(error as Error).message}`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`deploy-commands: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
