import { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM or SIGINT closes the app (shutdown hooks run: queues drain their current job, pools
 * close) and exits 0; a second signal, or a close that takes over `graceMs`, exits 1 at once.
 */
export function stopOnSignals(app: INestApplicationContext, logger: LoggerService, graceMs = 15_000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`received ${signal}, stopping`, 'Shutdown');
    setTimeout(() => {
      logger.error(`did not stop within ${graceMs} ms`, undefined, 'Shutdown');
      process.exit(1);
    }, graceMs).unref();
    app
      .close()
      .then(() => {
        logger.log('stopped', 'Shutdown');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error(`error while stopping: ${String(err)}`, undefined, 'Shutdown');
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
