import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { conflict, forbidden } from '../errors.js';
import { isPlatformAdmin, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import { StoreConflictError, type Collection } from '../store/port.js';
import { text, validate } from '../validation.js';
import type { PublisherKey } from './model.js';

/** `registerPublisherKey`'s arguments: what the schema declares and `register` validates. */
export const publisherKeyInput = z.object({
  keyId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, ".", "_" and "-", at most 100')
    .describe('The id the publisher signs with (`keyId` in maru-signature.json).'),
  publisher: text('a publisher', 200),
  publicKey: z
    .string()
    .max(2000)
    .refine(isEd25519PublicKey, 'must be an Ed25519 public key in PEM (SPKI) form')
    .describe('PEM, "-----BEGIN PUBLIC KEY-----…".'),
});

/**
 * The publishers' keys platform admins trust (`publisher_keys`): a plugin signed with one of them loads without the
 * development flag. The loader reads them when plugins load.
 */
export class PublisherKeys {
  constructor(
    private readonly keys: Collection<PublisherKey>,
    private readonly clock: () => number,
  ) {}

  /** Registers a key (platform admins); `args` are checked as the mutation's arguments. */
  async register(viewer: Viewer | null, args: z.input<typeof publisherKeyInput>, organizationId: string | null = null) {
    requireScope(viewer, 'ADMIN');
    if (!isPlatformAdmin(viewer)) throw forbidden('Only platform admins register publisher keys.');
    requireLiveKey(viewer, 'register publisher keys');
    const input = validate(publisherKeyInput, args, '');
    const key: PublisherKey = {
      _id: input.keyId,
      publisher: input.publisher,
      publicKey: input.publicKey,
      organizationId,
      registeredById: viewer.member._id,
      registeredAt: new Date(this.clock()).toISOString(),
    };
    try {
      await this.keys.insertOne(key);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict(`\`keyId\`: the key id "${input.keyId}" is already registered; choose another.`, 'keyId');
      throw error;
    }
    return key;
  }

  /** Trusts a key as the system does for a local development hub; a key id already registered is left as it is. */
  async trust(key: Omit<PublisherKey, 'registeredAt'>): Promise<void> {
    if (await this.keys.findOne({ _id: key._id })) return;
    await this.keys.insertOne({ ...key, registeredAt: new Date(this.clock()).toISOString() });
  }

  /** Every registered key (at most 1,000), for copying trust between hubs in tests and tools. */
  all(): Promise<PublisherKey[]> {
    return this.keys.find({}, { limit: 1000 });
  }
}

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
