import type { Ed25519Jwk } from '@maru/sdk';
import type { FromWorker } from '../worker-protocol.js';

/** The parts of a URL as the plugin host's parser gives them, or why it refused. */
export type UrlParts =
  | {
      ok: true;
      href: string;
      origin: string;
      protocol: string;
      username: string;
      password: string;
      host: string;
      hostname: string;
      port: string;
      pathname: string;
      search: string;
      hash: string;
    }
  | { ok: false; message: string };

/**
 * The functions the plugin host hands an isolate (isolate-thread.ts installs them, the guest
 * takes them in isolate-guest.ts and removes them from the global). Arguments and results are
 * copied plain data; each function checks what it is given.
 */
export interface HostFunctions {
  /** A message for the hub (worker-protocol.ts), sent on without waiting. */
  post(message: FromWorker): void;
  /** Starts timer `id`; the host dispatches `{ type: '$timer', id }` after `ms`. */
  setTimer(id: number, ms: number): void;
  clearTimer(id: number): void;
  url(href: string, base?: string): UrlParts;
  /** Sets one part of a URL and parses it again. */
  urlWith(href: string, part: string, value: string): UrlParts;
  /** A structured-clone copy (the copy happens crossing the boundary twice). */
  clone(value: unknown): unknown;
  randomBytes(length: number): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  ed25519KeyPair(seed?: Uint8Array): { privateKey: Ed25519Jwk; publicKey: Ed25519Jwk };
  ed25519Sign(privateKey: Ed25519Jwk, data: Uint8Array): string;
  ed25519Verify(publicKey: Ed25519Jwk, data: Uint8Array, signature: string): boolean;
}
