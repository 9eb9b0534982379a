import type { notFound as en } from '../en/not-found';
import type { Messages } from '../messages';

export const notFound: Messages<typeof en> = {
  title: '페이지를 찾을 수 없습니다',
  body: '이 주소에는 페이지가 없습니다.',
  home: '챌린지로 가기',
};
