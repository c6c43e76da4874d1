/** Starts the Discord bot. */
export async function startBot(): Promise<number> {
  console.error('The Discord bot is not built yet: unset DISCORD_TOKEN to use the local console.');
  return 1;
}
