import type { manage as en } from '../en/manage';
import type { Messages } from '../messages';

export const manage: Messages<typeof en> = {
  title: '챌린지 관리',
  nextStep: '다음 단계',
  publish: '챌린지 공개',
  publishHint:
    '공개하면 마감까지 기업이 챌린지를 보고, 질문하고, 제안서를 낼 수 있습니다. 평가 기준과 조건은 더 바꿀 수 없습니다.',
  close: '지금 접수 마감',
  closeHint: '마감 전에 접수를 끝냅니다 (그렇지 않으면 허브가 마감 시각에 닫습니다).',
  startEvaluation: '심사 시작',
  startEvaluationHint: '심사위원이 제출된 모든 제안서를 심사할 수 있게 됩니다.',
  panelTitle: '심사위원단',
  panelHint: '우리 기관과 하위 기관의 심사위원입니다. 심사를 시작하기 전에 배정하세요.',
  panelEmpty: '기관에 심사위원 역할의 구성원이 없습니다.',
  panelSave: '심사위원단 저장',
  panelSaved: '심사위원단을 저장했습니다.',
  panelConflictRule:
    '심사위원의 소속 기관이 이 챌린지에 제출한 경우 심사위원으로 지정할 수 없습니다(작성 중인 제안서도 포함). 지정한 뒤 소속 기관이 제출하면 그 심사위원은 어떤 제안서도 심사할 수 없고, 이미 준 점수는 결과에 들어가지 않습니다.',
  panelConflicted:
    '다음 심사위원의 소속 기관이 이 챌린지에 제출했습니다: {{names}}. 심사위원단에서 빼고 다른 심사위원을 지정하세요.',
  panelConflictBadge: '이해충돌',
  panelDeclared: '이해충돌 없음 선언함',
  panelNotDeclared: '아직 선언하지 않음',
  progressTitle: '심사 진행',
  progressEmpty: '아직 배정된 심사위원이 없습니다.',
  progressRow: '{{name}}: {{of}}건 중 {{scored}}건 심사',
  awardTitle: '시상',
  winners: '수상작',
  winnersRequired: '수상작을 하나 이상 고르세요.',
  winnerLabel: '수상작: {{title}} ({{organization}})',
  awardNote: '시상 메모',
  awardNoteHint: '결과와 함께 공개됩니다. 예: 다음 일정.',
  award: '시상하고 결과 공개',
  cancelTitle: '챌린지 취소',
  cancelReason: '사유',
  cancelHint: '챌린지와 함께 공개됩니다.',
  cancelReasonRequired: '사유를 적어 주세요.',
  cancel: '챌린지 취소',
  listTitle: '기관 챌린지',
  listIntro: '{{agency}}의 챌린지입니다. 작성 중인 것도 포함하며 최신순입니다.',
};
