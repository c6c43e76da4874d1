/** `npm start` with ACCORD_MODE=http: serves the interactions endpoint over an open index until a signal. */
import type { Index } from '../../index/build.ts';
import type { BotCommand } from '../command.ts';
import type { BotConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createHttpInteractions, HEALTH_PATH, INTERACTIONS_PATH } from './server.ts';

/** Exit codes as start.ts: 0 stopped on a signal, 1 could not listen. */
export async function serveHttp(
  config: BotConfig,
  logger: Logger,
  index: Index,
  commands: readonly BotCommand[],
  stopped: Promise<string>,
): Promise<number> {
  const http = createHttpInteractions({
    commands,
    index,
    logger,
    publicKey: config.publicKey!,
    cooldownSeconds: config.cooldownSeconds,
    restApi: config.apiBase,
  });
  try {
    const address = await http.listen(config.httpPort, config.httpHost);
    logger.info('listening', {
      mode: 'http',
      host: address.address,
      port: address.port,
      interactions: INTERACTIONS_PATH,
      health: HEALTH_PATH,
      articles: index.articles.length,
    });
  } catch (error) {
    logger.error('could not listen: check ACCORD_HTTP_HOST and ACCORD_HTTP_PORT', { error });
    await http.stop().catch(() => undefined);
    return 1;
  }
  const signal = await stopped;
  logger.info('shutting down', { signal });
  await http.stop();
  logger.info('stopped');
  return 0;
}
