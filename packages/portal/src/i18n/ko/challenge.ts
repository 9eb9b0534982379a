import type { challenge as en } from '../en/challenge';
import type { Messages } from '../messages';

export const challenge: Messages<typeof en> = {
  title: '챌린지',
  notFound: '없는 챌린지이거나 아직 공개되지 않았습니다.',
  submitProposal: '제안서 제출',
  scoreSubmissions: '제안서 심사하기',
  signInToTakePart: '질문하거나 제안서를 내려면 기업 구성원으로 로그인하세요.',
  yourSubmissions: '우리 조직의 제안서',
  submissions: '제안서',
  submissionsReceived: '접수된 제안서',
};
