import type { nav as en } from '../en/nav';
import type { Messages } from '../messages';

export const nav: Messages<typeof en> = {
  insights: '인사이트',
  label: '주 메뉴',
  myWork: '내 업무',
  challenges: '챌린지',
  services: '서비스',
  data: '데이터',
  manage: '기관 챌린지',
  postChallenge: '챌린지 등록',
  myDocuments: '내 서류',
  mySubmissions: '내 제안서',
  reviews: '심사',
  plugins: '플러그인',
  access: '이용 권한',
  audit: '감사 기록',
  organization: '기관 구성원',
  organizations: '기관 조직도',
  account: '내 계정',
  notices: '알림',
};
