import type { forYou as en } from '../en/for-you';
import type { Messages } from '../messages';

export const forYou: Messages<typeof en> = {
  title: '나에게 맞는 챌린지',
  empty: '아직 관심사에 맞는 진행 중인 챌린지가 없습니다.',
  declare: '관심사 선언하기',
};
