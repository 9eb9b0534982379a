import type { Server } from 'node:http';

/**
 * Another process holds the port the hub was told to listen on. Keeps Node's
 * `code` (`EADDRINUSE`), so code that checked for it still works.
 */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  readonly port: number;
  readonly host: string;
  /** A port to suggest instead. */
  readonly otherPort: number;
  constructor(port: number, host: string, options?: ErrorOptions) {
    super(`port ${port} on ${host} is already in use`, options);
    this.name = 'PortInUseError';
    this.port = port;
    this.host = host;
    this.otherPort = port < 65535 ? port + 1 : port - 1;
  }
}

/** Listens on `port` and `host`; resolves once listening, and rejects with a {@link PortInUseError} when the port is taken. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, { cause: error }) : error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
