import type { notices as en } from '../en/notices';
import type { Messages } from '../messages';

export const notices: Messages<typeof en> = {
  title: '알림',
  intro:
    '우리 기관과 관련되거나 선언한 관심사에 맞는 소식입니다: 새 챌린지, 질문 답변, 이용 권한 결정, 이용 가능해진 데이터, 시상 결과.',
  settingsLink: '관심사와 수신 채널',
  empty: '아직 알림이 없습니다.',
  unread: '읽지 않음',
  unreadBadge: '읽지 않은 알림 {{count}}건',
  markRead: '읽음으로 표시',
  markAllRead: '{{count}}건 모두 읽음으로 표시',
  open: '챌린지 보기',
  outcome: '결과: {{outcome}}',
  delivery: '{{channel}}: {{status}} ({{attempts}}회 시도)',
  reason: { CONCERNED: '우리 기관 관련', INTERESTED: '관심사 일치' },
  kind: {
    CHALLENGE_PUBLISHED: '맞춤 챌린지 공고: {{title}}',
    QUESTION_ANSWERED: '질문에 답변이 등록되었습니다: {{title}}',
    DATA_ACCESS_DECIDED: '데이터 이용 신청 결정: {{title}}',
    SERVICE_ACCESS_DECIDED: '서비스 이용 신청 결정: {{title}}',
    DATASET_AVAILABLE: '데이터를 이용할 수 있습니다: {{title}}',
    CHALLENGE_AWARDED: '챌린지 시상 결과: {{title}}',
  },
  outcomes: {
    APPROVED: '승인',
    REJECTED: '반려',
    REVOKED: '철회',
    ACTIVE: '승인',
    WINNER: '수상',
    NOT_SELECTED: '미선정',
  },
  channel: { WEBHOOK: '웹훅', EMAIL: '이메일' },
  deliveryStatus: { PENDING: '발송 중', DELIVERED: '전달됨', FAILED: '실패' },
};
