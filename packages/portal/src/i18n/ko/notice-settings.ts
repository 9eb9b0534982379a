import type { noticeSettings as en } from '../en/notice-settings';
import type { Messages } from '../messages';

export const noticeSettings: Messages<typeof en> = {
  title: '알림 설정',
  interests: '우리 기관의 관심사',
  interestsIntro: '이 태그나 유형의 새 챌린지가 공고되면 기관 구성원 모두에게 알립니다.',
  interestsAdminsOnly: '관심사는 기관 관리자가 정합니다.',
  tags: '태그',
  tagsHint: '쉼표로 구분합니다. 예: 모빌리티, 안전',
  types: '챌린지 유형',
  type: {
    IDEA: '아이디어',
    PROOF_OF_CONCEPT: '개념 검증',
    PROTOTYPE: '시제품',
    PRODUCTION_SERVICE: '운영 서비스',
  },
  saveInterests: '관심사 저장',
  channels: '알림 받을 곳',
  channelsIntro: '알림함으로는 항상 받습니다. 웹훅과 이메일은 선택이며 본인에게만 적용됩니다.',
  webhook: '웹훅 (https)',
  email: '이메일 주소',
  saveChannels: '채널 저장',
  saved: '저장했습니다.',
};
