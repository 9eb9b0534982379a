import type { account as en } from '../en/account';
import type { Messages } from '../messages';

export const account: Messages<typeof en> = {
  signIn: '로그인',
  signOut: '로그아웃',
  menu: '계정 메뉴',
  screens: '내 화면',
};
