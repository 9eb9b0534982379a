import type { submit as en } from '../en/submit';
import type { Messages } from '../messages';

export const submit: Messages<typeof en> = {
  title: '제안서 제출',
  heading: '“{{title}}” 제안서',
  intro:
    '{{organization}} 명의로 제출합니다. 언제든 임시 저장할 수 있고, 제출하려면 제안 내용과 조건 동의가 필요합니다.',
  backToChallenge: '챌린지로 돌아가기',
  notOpen: '이 챌린지는 제안서를 받고 있지 않습니다.',
  alreadySent: '우리 조직은 이미 “{{title}}”을(를) 제출했습니다.',
  draftSaved: '임시 저장했습니다.',
  withdrawnBefore:
    '우리 조직은 이 챌린지에서 “{{title}}”을(를) 철회했습니다. 단계마다 한 번만 참여할 수 있어 다시 제출할 수 없습니다.',
  viewSent: '제출한 제안서 보기',
};
