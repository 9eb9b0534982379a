import type { challengeType as en } from '../en/challenge-type';
import type { Messages } from '../messages';

export const challengeType: Messages<typeof en> = {
  IDEA: '아이디어',
  PROOF_OF_CONCEPT: '개념 검증',
  PROTOTYPE: '시제품',
  PRODUCTION_SERVICE: '운영 서비스',
};
