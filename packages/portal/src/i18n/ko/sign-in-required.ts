import type { signInRequired as en } from '../en/sign-in-required';
import type { Messages } from '../messages';

export const signInRequired: Messages<typeof en> = {
  title: '로그인이 필요합니다',
  body: '로그인한 구성원을 위한 페이지입니다.',
  roleTitle: '이 역할로는 쓸 수 없습니다',
  roleBody: '이 페이지를 쓸 수 있는 역할: {{roles}}.',
};
