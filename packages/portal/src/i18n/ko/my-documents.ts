import type { myDocuments as en } from '../en/my-documents';
import type { Messages } from '../messages';

export const myDocuments: Messages<typeof en> = {
  title: '내 서류',
  intro:
    '기관이 마루를 통해 우리 기관에 발급한 서류입니다. 서류를 다시 올리지 않고 참조로 제출하면, 받는 기관이 발급 기관에 진위를 확인합니다.',
  empty: '아직 우리 기관에 발급된 서류가 없습니다.',
  issuedBy: '발급: {{issuer}}',
  status: { VALID: '유효', EXPIRED: '만료', REVOKED: '취소됨' },
  presentTo: '이 서류를 요구하는 챌린지에 제출',
  chooseChallenge: '챌린지를 고르세요',
  consent: '받는 기관이 이 서류를 열람하고 진위를 확인하는 데 우리 기관을 대표해 동의합니다.',
  present: '이 서류 제출하기',
  notUsed: '아직 아무에게도 제출하지 않았습니다.',
  log: '이 서류를 언제 누가 이용했는지',
  when: '일시',
  who: '기관',
  what: '내용',
  platform: '플랫폼 관리자',
  presented: '제출함 ({{purpose}})',
  purpose: {
    SUBMISSION: '제안서',
    CHALLENGE_ELIGIBILITY: '챌린지 참가 자격',
    DATA_ACCESS_REQUEST: '데이터 이용 신청',
    SERVICE_ACCESS_REQUEST: '서비스 이용 신청',
  },
  verifiedValid: '발급 기관 확인: 유효',
  verifiedInvalid: '발급 기관 확인: 유효하지 않음 ({{reason}})',
};
