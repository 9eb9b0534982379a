import type { score as en } from '../en/score';
import type { Messages } from '../messages';

export const score: Messages<typeof en> = {
  title: '제안서 심사',
  heading: '“{{title}}” 제안서 심사',
  intro: '기준마다 0–10점을 주세요. 기준별 의견은 기관만 보고, 공개 의견은 결과와 함께 공개됩니다.',
  notEvaluating: '심사 중인 챌린지가 아니어서 점수를 바꿀 수 없습니다.',
  empty: '심사할 제안서가 없습니다.',
  byOrganization: '{{organization}} · {{size}}명',
  proposal: '제안 내용 읽기',
  saved: '점수를 저장했습니다.',
  alreadyScored: '이미 심사한 제안서입니다. 다시 저장하면 점수가 바뀝니다.',
  declareTitle: '이해충돌 없음 선언',
  declareIntro:
    '심사하기 전에 이 챌린지에 이해충돌이 없음을 선언하세요. 선언은 감사 기록에 남습니다. 소속 기관이 이 챌린지에 제출했다면 심사할 수 없습니다.',
  declareConfirm: '나와 소속 기관은 이 챌린지에 제안서를 낸 어떤 기업과도 이해관계가 없습니다.',
  declareRequired: '선언하려면 확인란을 선택하세요.',
  declareStatement: '덧붙일 말',
  declareStatementHint: '선택 사항입니다. 예: “제안서를 낸 기업과 재정적·개인적 관계가 없습니다.”',
  declare: '선언하고 심사 시작',
  conflicted:
    '소속 기관이 이 챌린지에 제출했으므로 어떤 제안서도 심사할 수 없습니다. 이미 준 점수는 결과에 들어가지 않습니다. 챌린지를 연 기관에 알려 주세요.',
};
