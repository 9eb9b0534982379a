import type { challengeStatus as en } from '../en/challenge-status';
import type { Messages } from '../messages';

export const challengeStatus: Messages<typeof en> = {
  DRAFT: '작성 중',
  OPEN: '접수 중',
  CLOSED: '접수 마감',
  EVALUATING: '심사 중',
  AWARDED: '시상 완료',
  CANCELLED: '취소됨',
};
