import type { reviews as en } from '../en/reviews';
import type { Messages } from '../messages';

export const reviews: Messages<typeof en> = {
  title: '심사',
  intro: '내가 심사위원으로 배정된 챌린지입니다.',
  empty: '심사 중인 챌린지 중 배정된 것이 없습니다.',
  evaluationEnd: '심사 종료',
  score: '“{{title}}” 제안서 심사',
  notYet: '기관이 심사를 시작하면 점수를 줄 수 있습니다.',
  summary: '지금 심사할 챌린지 {{evaluating}}건 · 접수 마감, 심사 시작 전 {{closed}}건 · 접수 중 {{open}}건.',
  progress: '진행 상황',
  scoredOf: '{{total}}건 중 {{scored}}건 채점',
  notClosed: '아직 접수 중입니다. 접수가 끝나면 채점할 수 있습니다.',
  submissionDeadline: '접수 마감',
  declaration: '이해충돌',
  declared: '신고함: 이해충돌 없음',
  notDeclared: '아직 신고하지 않음(채점 전에 필요)',
  conflicted: '이해충돌: 소속 기관이 이 챌린지에 참여했습니다',
  conflictedHint: '이 챌린지는 채점할 수 없습니다. 기관이 다른 심사위원을 지정합니다.',
};
