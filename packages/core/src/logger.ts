/**
 * The logger the core writes to: pino's call shape (fields first, message
 * second), so the hub can pass a pino logger while the core does not depend
 * on pino.
 */
export interface HubLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(bindings: object): HubLogger;
}

/** Discards everything: the default when no logger is given (tests). */
export const silentLogger: HubLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
