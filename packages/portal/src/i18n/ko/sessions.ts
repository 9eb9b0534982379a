import type { sessions as en } from '../en/sessions';
import type { Messages } from '../messages';

export const sessions: Messages<typeof en> = {
  title: '로그인한 곳',
  intro: '로그인한 브라우저 목록입니다. 모르는 곳은 로그아웃시키거나, 모든 곳에서 한꺼번에 로그아웃하세요.',
  unknownBrowser: '알 수 없는 브라우저',
  current: '이 브라우저',
  started: '로그인',
  lastSeen: '마지막 활동',
  expires: '종료 예정',
  signOutHere: '이 브라우저에서 로그아웃',
  signOutThere: '그 브라우저에서 로그아웃',
  signOutHereQuestion: '지금 이 브라우저에서 로그아웃할까요?',
  signOutThereQuestion: '그 세션을 끝낼까요? 그 브라우저를 쓰는 사람은 다시 로그인해야 합니다.',
  signOutConfirm: '예, 로그아웃합니다',
  everywhere: '모든 곳에서 로그아웃',
  everywhereQuestion: '이 브라우저를 포함해 내 모든 세션을 끝낼까요?',
  everywhereConfirm: '예, 모든 곳에서 로그아웃합니다',
};
