#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import { startHub } from './start-hub.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`maru-hub: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startHub(config);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      running.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    running.logger.info({ signal }, 'received signal');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`maru-hub: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
