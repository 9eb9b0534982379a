import type { reviews as en } from '../en/reviews';
import type { Messages } from '../messages';

export const reviews: Messages<typeof en> = {
  title: '심사',
  intro: '내가 심사위원으로 배정된 챌린지입니다.',
  empty: '심사 중인 챌린지 중 배정된 것이 없습니다.',
  evaluationEnd: '심사 종료',
  score: '“{{title}}” 제안서 심사',
  notYet: '기관이 심사를 시작하면 점수를 줄 수 있습니다.',
};
