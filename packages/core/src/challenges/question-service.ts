import type { z } from 'zod';
import { conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { requireScope, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Filter, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canManage, isOfAgency } from './access.js';
import type { ChallengeService } from './challenge-service.js';
import type { Challenge, Question } from './model.js';
import { answerInput, askInput } from './question-input.js';

/**
 * Clarifications: any organization may ask while a challenge is open; the
 * agency answers in public, and then every company sees question and answer.
 * Unanswered questions stay between the asker and the agency.
 */
export class QuestionService {
  private readonly collection: Collection<Question>;

  constructor(
    store: Store,
    private readonly challenges: ChallengeService,
    private readonly clock: () => number,
    /** Tells the notices module an answer was given, once, from the hub whose write won. */
    private readonly onAnswered?: (question: Question, challenge: Challenge) => Promise<void>,
  ) {
    this.collection = store.collection<Question>('questions');
  }

  /** The question if the viewer may read it, else null. */
  async visibleTo(viewer: Viewer | null, id: string): Promise<Question | null> {
    const question = await this.collection.findOne({ _id: id });
    const challenge = question ? await this.challenges.get(question.challengeId) : null;
    if (!question || !challenge) return null;
    return this.collection.findOne({ ...this.visibleFilter(viewer, challenge), _id: id });
  }

  /** A page of the questions of a challenge the viewer sees that the viewer may read, in the order asked. */
  listOfChallenge(viewer: Viewer | null, challenge: Challenge, page: PageRequest): Promise<Page<Question>> {
    return readPage(this.collection, this.visibleFilter(viewer, challenge), [['askedAt', 1]], page);
  }

  /**
   * Unanswered questions per challenge, for the challenges the viewer manages (others are left out): one grouped
   * count for the whole list, so an agency's task table of twenty challenges costs one read, not twenty.
   */
  async unansweredCounts(viewer: Viewer | null, challenges: readonly Challenge[]): Promise<Map<string, number>> {
    const ids = challenges.filter((c) => canManage(viewer, c) || isOfAgency(viewer, c)).map((c) => c._id);
    const counts = new Map<string, number>(ids.map((id) => [id, 0]));
    if (!ids.length) return counts;
    const groups = await this.collection.countBy(
      { challengeId: { $in: ids }, answeredAt: null },
      { by: ['challengeId'] },
    );
    for (const group of groups) counts.set(String(group.key[0]), group.count);
    return counts;
  }

  /** What the viewer may read of a challenge's questions. */
  private visibleFilter(viewer: Viewer | null, challenge: { _id: string; agencyPath: string[] }): Filter {
    if (canManage(viewer, challenge) || isOfAgency(viewer, challenge)) return { challengeId: challenge._id };
    const answered: Filter = { answeredAt: { $ne: null } };
    return {
      challengeId: challenge._id,
      ...(viewer ? { $or: [answered, { organizationId: viewer.organization._id }] } : answered),
    };
  }

  async ask(viewer: Viewer | null, challengeId: string, raw: z.input<typeof askInput>): Promise<Question> {
    requireScope(viewer, 'WRITE');
    const challenge = await this.challenges.requireVisible(viewer, challengeId);
    const input = validate(askInput, raw, '');
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

  async answer(viewer: Viewer | null, questionId: string, raw: z.input<typeof answerInput>): Promise<Question> {
    requireScope(viewer, 'WRITE');
    const question = await this.collection.findOne({ _id: questionId });
    if (!question) throw notFound('question', questionId);
    const challenge = await this.challenges.requireManaged(viewer, question.challengeId);
    const input = validate(answerInput, raw, '');
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
    await this.challenges.emit('QUESTION_ANSWERED', challenge, `answer:${questionId}:v${updated.version}`);
    await this.onAnswered?.(updated, challenge);
    return updated;
  }
}
