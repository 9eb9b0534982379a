import { z } from 'zod';
import { badInput } from '../errors.js';
import type { Viewer } from '../identity/index.js';
import type { ChallengeService } from '../challenges/index.js';
import type { Collection, Store } from '../store/port.js';
import { validate } from '../validation.js';
import type { ChallengeDocumentRequirements, DocumentRequirement } from './model.js';

export const requiredDocumentsInput = z
  .array(
    z.object({
      type: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use a document type such as "business-registration"'),
      maxAgeDays: z.int32().min(1).max(3650).nullish().describe('Issued at most this many days before presenting.'),
    }),
  )
  .max(10, 'require at most 10 documents');

/** Challenges' eligibility requirements: documents of a type, issued within some days, presented by reference. */
export class Requirements {
  readonly #requirements: Collection<ChallengeDocumentRequirements>;

  constructor(
    store: Store,
    private readonly challenges: Pick<ChallengeService, 'requireManaged'>,
    private readonly knownType: (type: string) => boolean,
    private readonly clock: () => number,
  ) {
    this.#requirements = store.collection<ChallengeDocumentRequirements>('document_requirements');
  }

  async of(challengeId: string): Promise<DocumentRequirement[]> {
    return (await this.#requirements.findOne({ _id: challengeId }))?.requiredDocuments ?? [];
  }

  /** Sets the documents a challenge requires (those who manage it); an empty list requires none. */
  async set(viewer: Viewer | null, challengeId: string, raw: unknown): Promise<DocumentRequirement[]> {
    const challenge = await this.challenges.requireManaged(viewer, challengeId);
    const parsed = validate(requiredDocumentsInput, raw, 'requiredDocuments');
    parsed.forEach((r, i) => {
      if (!this.knownType(r.type))
        throw badInput(
          `requiredDocuments.${i}.type`,
          `\`requiredDocuments.${i}.type\`: no enabled plugin issues "${r.type}"; see \`documentTypes\`.`,
        );
    });
    const requiredDocuments = parsed.map((r) => ({ type: r.type, maxAgeDays: r.maxAgeDays ?? null }));
    await this.#requirements.findOneAndUpdate(
      { _id: challenge._id },
      { $set: { agencyId: challenge.agencyId, requiredDocuments, updatedAt: new Date(this.clock()).toISOString() } },
      { upsert: true },
    );
    return requiredDocuments;
  }
}
