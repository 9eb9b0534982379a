import type { myAccount as en } from '../en/my-account';
import type { Messages } from '../messages';

export const myAccount: Messages<typeof en> = {
  title: '내 계정',
  name: '이름',
  email: '전자우편',
  organization: '소속 기관',
  roles: '역할',
};
