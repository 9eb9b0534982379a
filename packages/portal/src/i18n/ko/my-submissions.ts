import type { mySubmissions as en } from '../en/my-submissions';
import type { Messages } from '../messages';

export const mySubmissions: Messages<typeof en> = {
  title: '내 제안서',
  intro: '우리 조직의 제안서와 진행 상황, 다음에 할 일입니다. 마감 시각은 한국 시간(KST)입니다.',
  submitted: '“{{title}}”을(를) 제출했습니다. 접수가 마감되면 기관이 봅니다.',
  empty: '우리 조직의 제안서가 아직 없습니다. 접수 중인 챌린지를 찾아 제안서를 내 보세요.',
  submission: '제안서',
  challenge: '챌린지',
  status: '상태',
  nextStep: '다음 할 일',
  deadline: '접수 마감',
  updated: '최근 변경',
  continue: '이어서 작성',
  next: {
    finishDraft: '마감 전에 작성을 마치고 제출하세요.',
    draftClosed: '제출하지 않았습니다. 접수가 끝났습니다.',
    waitForClose: '제출했습니다. 접수 마감 전까지 철회할 수 있습니다.',
    underReview: '심사위원이 심사하고 있습니다.',
    shortlisted: '후보로 선정되었습니다. 다음 단계나 수상 발표를 기다리세요.',
    winner: '수상했습니다. 시범 서비스 절차는 챌린지 화면에서 확인하세요.',
    rejected: '이번에는 선정되지 않았습니다.',
    withdrawn: '철회했습니다. 기관은 검토하지 않습니다.',
  },
};
