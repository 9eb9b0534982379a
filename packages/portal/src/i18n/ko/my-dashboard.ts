import type { myDashboard as en } from '../en/my-dashboard';
import type { Messages } from '../messages';

export const myDashboard: Messages<typeof en> = {
  title: '우리 기업 업무',
  intro:
    '{{organization}}이(가) 플랫폼에서 할 일입니다. 맞춤 챌린지, 제안서, 이용 중인 서비스와 보유 문서를 한곳에서 확인하세요.',
  summary: '한눈에 보기',
  tiles: {
    forUs: '참여할 수 있는 챌린지',
    drafts: '작성 중인 제안서',
    services: '이용 허가된 서비스',
    documents: '보유 문서',
    notices: '읽지 않은 알림',
  },
  forUs: '우리 기업 맞춤 챌린지',
  forUsHint: '관심 분야에 맞고 우리 조직이 참여할 수 있는 접수 중 챌린지입니다. 마감이 가까운 순서입니다.',
  forUsEmpty: '지금은 관심 분야에 맞는 접수 중 챌린지가 없습니다.',
  declareInterests: '관심 분야 설정하기',
  deadline: '접수 마감',
  write: '제안서 작성',
  writeFor: '“{{title}}” 제안서 작성',
  entered: '이미 참여함({{status}}) — 제안서 보기',
  allChallenges: '전체 챌린지 보기',
  allSubmissions: '우리 제안서 전체 보기({{count}}건)',
  allServices: '이용 중인 서비스와 이용량 보기',
  documentsAndNotices: '문서와 알림',
  documentsHeld: '우리 기업이 보유한 문서: {{count}}건.',
  unread: '읽지 않은 알림: {{count}}건.',
};
