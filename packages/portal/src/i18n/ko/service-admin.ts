import type { serviceAdmin as en } from '../en/service-admin';
import type { Messages } from '../messages';

export const serviceAdmin: Messages<typeof en> = {
  title: '서비스 상태',
  intro:
    '서비스 목록의 모든 공유 서비스입니다. 시범: 시험 운영 중, 운영: 정식 운영 중, 지원 종료 예정: 아직 응답하지만 다른 서비스로 옮겨야 함, 중지: 모든 호출을 즉시 거절합니다.',
  empty: '등록된 서비스가 없습니다.',
  service: '서비스',
  provider: '제공',
  core: '허브',
  status: '상태',
  newStatus: '{{name}}의 새 상태',
  change: '{{name}} 상태 바꾸기',
  suspendQuestion:
    '{{name}}을(를) 중지할까요? 지금부터 이용 승인을 받은 모든 기관의 호출이 거절됩니다. 나중에 운영이나 시범으로 되돌릴 수 있습니다.',
  suspendConfirm: '예, 중지합니다',
  changed: '{{name}}의 상태를 {{status}}(으)로 바꿨습니다.',
  same: '{{name}}은(는) 이미 {{status}} 상태입니다.',
  PILOT: '시범',
  ACTIVE: '운영',
  DEPRECATED: '지원 종료 예정',
  SUSPENDED: '중지',
  deliveriesTitle: '플러그인 이벤트 전달',
  deliveriesIntro:
    '플러그인에 전달한 허브 이벤트(예: 챌린지 마감)입니다. 실패한 전달은 여러 번 다시 시도한 뒤 멈춘 것입니다. 마지막 오류를 확인하세요.',
  deliveryStatus: '전달 상태',
  deliveryAll: '전체',
  DELIVERED: '전달됨',
  PENDING: '대기 중',
  FAILED: '실패',
  deliveryEvent: '이벤트',
  deliveryPlugin: '플러그인',
  deliveryState: '상태',
  deliveryAttempts: '시도 횟수',
  deliveryAt: '기록 시각',
  deliveryError: '마지막 오류',
  deliveriesEmpty: '맞는 전달 기록이 없습니다.',
  deliveryCount_one: '전달 {{count}}건',
  deliveryCount_other: '전달 {{count}}건',
  show: '보기',
};
