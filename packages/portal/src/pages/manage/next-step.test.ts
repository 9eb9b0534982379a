import { describe, expect, it } from 'vitest';
import { nextStep, type TaskRow } from './next-step';

const row = (over: Partial<TaskRow>): TaskRow => ({
  id: 'c1',
  status: 'OPEN',
  currentPhase: 0,
  phases: [],
  unansweredQuestionCount: 0,
  panelSize: 1,
  pilotCount: 0,
  reviews: null,
  ...over,
});

describe('nextStep', () => {
  it('asks to publish a draft', () => expect(nextStep(row({ status: 'DRAFT' })).kind).toBe('publish'));
  it('puts waiting questions first while open, with their number', () => {
    expect(nextStep(row({ unansweredQuestionCount: 2, panelSize: 0 }))).toEqual({
      kind: 'answer',
      href: '/challenges/c1#qa',
      count: 2,
    });
  });
  it('asks for a panel before the evaluation', () => {
    expect(nextStep(row({ panelSize: 0 })).kind).toBe('panel');
    expect(nextStep(row({ status: 'CLOSED', panelSize: 0 })).kind).toBe('panel');
    expect(nextStep(row({ status: 'CLOSED' })).kind).toBe('startEvaluation');
  });
  it('waits for reviews, then the award or the next phase', () => {
    expect(nextStep(row({ status: 'EVALUATING', reviews: { done: 1, needed: 4 } }))).toMatchObject({
      kind: 'reviews',
      count: 3,
    });
    expect(nextStep(row({ status: 'EVALUATING', reviews: { done: 4, needed: 4 } })).kind).toBe('award');
    expect(
      nextStep(row({ status: 'EVALUATING', reviews: { done: 4, needed: 4 }, phases: [{ name: 'Pilot' }] })).kind,
    ).toBe('advance');
  });
  it('points an awarded challenge without a pilot to its pilot', () => {
    expect(nextStep(row({ status: 'AWARDED' })).kind).toBe('pilot');
    expect(nextStep(row({ status: 'AWARDED', pilotCount: 1 })).kind).toBe('done');
    expect(nextStep(row({ status: 'CANCELLED' })).kind).toBe('done');
  });
});
