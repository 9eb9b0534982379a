import type { mySubmissions as en } from '../en/my-submissions';
import type { Messages } from '../messages';

export const mySubmissions: Messages<typeof en> = {
  title: '내 제안서',
  submitted: '“{{title}}”을(를) 제출했습니다. 접수가 마감되면 기관이 봅니다.',
  empty: '우리 조직의 제안서가 아직 없습니다. 접수 중인 챌린지를 찾아 제안서를 내 보세요.',
  submission: '제안서',
  challenge: '챌린지',
  status: '상태',
  updated: '최근 변경',
  continue: '이어서 작성',
};
