import { z } from 'zod';
import { conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { requireScope } from '../identity/require.js';
import type { Viewer } from '../identity/viewer.js';
import type { Collection, Filter, Store } from '../store/port.js';
import { text, validate } from '../validation.js';
import { canManage, isOfAgency } from './access.js';
import type { ChallengeService } from './challenge-service.js';
import type { Question } from './model.js';

/**
 * Clarifications: any organization may ask while a challenge is open; the
 * agency answers in public, and then every company sees question and answer.
 * Unanswered questions stay between the asker and the agency.
 */
export class QuestionService {
  readonly collection: Collection<Question>;

  constructor(
    store: Store,
    private readonly challenges: ChallengeService,
    private readonly clock: () => number,
  ) {
    this.collection = store.collection<Question>('questions');
  }

  /** What the viewer may read of a challenge's questions. */
  visibleFilter(viewer: Viewer | null, challenge: { _id: string; agencyPath: string[] }): Filter {
    if (canManage(viewer, challenge) || isOfAgency(viewer, challenge)) return { challengeId: challenge._id };
    const answered: Filter = { answeredAt: { $ne: null } };
    return {
      challengeId: challenge._id,
      ...(viewer ? { $or: [answered, { organizationId: viewer.organization._id }] } : answered),
    };
  }

  async ask(viewer: Viewer | null, challengeId: string, raw: { question: string }): Promise<Question> {
    requireScope(viewer, 'WRITE');
    const challenge = await this.challenges.requireVisible(viewer, challengeId);
    const input = validate(z.object({ question: text('a question', 5000) }), raw);
    if (challenge.status !== 'OPEN')
      throw conflict(`Questions are taken while the challenge is OPEN; it is ${challenge.status}.`);
    if (isOfAgency(viewer, challenge)) throw forbidden('The owning agency answers questions; it does not ask them.');
    const question: Question = {
      _id: newId(),
      challengeId,
      agencyId: challenge.agencyId,
      organizationId: viewer.organization._id,
      askedById: viewer.member._id,
      question: input.question,
      answer: null,
      answeredById: null,
      askedAt: new Date(this.clock()).toISOString(),
      answeredAt: null,
      version: 1,
    };
    await this.collection.insertOne(question);
    return question;
  }

  async answer(viewer: Viewer | null, questionId: string, raw: { answer: string }): Promise<Question> {
    requireScope(viewer, 'WRITE');
    const question = await this.collection.findOne({ _id: questionId });
    if (!question) throw notFound('question', questionId);
    const challenge = await this.challenges.requireManaged(viewer, question.challengeId);
    const input = validate(z.object({ answer: text('an answer', 10_000) }), raw);
    const updated = await this.collection.findOneAndUpdate(
      { _id: questionId, version: question.version },
      {
        $set: {
          answer: input.answer,
          answeredById: viewer.member._id,
          answeredAt: new Date(this.clock()).toISOString(),
        },
        $inc: { version: 1 },
      },
    );
    if (!updated) throw conflict('The question was answered meanwhile; reload it.');
    this.challenges.emit('QUESTION_ANSWERED', challenge);
    return updated;
  }
}
