import type { challenges as en } from '../en/challenges';
import type { Messages } from '../messages';

export const challenges: Messages<typeof en> = {
  title: '챌린지',
  intro: '정부 기관이 공개한 문제입니다. 기업이 해법을 제안하고, 우수한 해법은 공유 서비스로 시범 운영됩니다.',
  searchRegion: '챌린지 찾기',
  searchLabel: '챌린지 검색',
  searchPlaceholder: '제목, 요약, 태그의 단어',
  statusLabel: '상태',
  anyStatus: '모든 상태',
  searchButton: '검색',
  noMatch: '검색 결과가 없습니다. 다른 단어나 모든 상태로 찾아보세요.',
  signInHint: '챌린지를 등록하거나, 제안서를 내거나, 심사하려면 로그인하세요.',
  signInLink: '로그인',
  signInHintDemo:
    '챌린지를 등록하거나, 제안서를 내거나, 심사하려면 로그인하세요. 이 허브는 데모 허브이므로 역할별 데모 구성원을 고를 수 있습니다.',
  signInLinkDemo: '로그인 또는 데모 구성원 고르기',
  openTitle: '접수 중인 챌린지',
  openEmpty: '지금 접수 중인 챌린지가 없습니다.',
  pastTitle: '마감·심사 중·결과 발표된 챌린지',
  pastHint: '최근에 등록된 순서입니다.',
  pastEmpty: '지난 챌린지가 없습니다.',
  sortLabel: '정렬',
  sortDeadline: '마감 임박순',
  sortNewest: '최신 등록순',
};
