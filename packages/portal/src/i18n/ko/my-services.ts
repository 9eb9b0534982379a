import type { myServices as en } from '../en/my-services';
import type { Messages } from '../messages';

export const myServices: Messages<typeof en> = {
  title: '이용 중인 서비스',
  intro:
    '우리 조직이 이용을 신청한 공유 서비스입니다. 이용 허가 여부, 오늘 호출 수와 하루 한도, 최근 30일 이용량을 확인하세요.',
  catalogue: '서비스 목록에서 더 찾아보기',
  empty: '아직 이용 중인 공유 서비스가 없습니다. 서비스 목록에서 찾아 이용을 신청하세요.',
  gone: '목록에서 내려간 서비스',
  grantStatus: {
    REQUESTED: '신청함: 결정을 기다리는 중입니다.',
    ACTIVE: '허가됨: 운영(LIVE) 키로 호출할 수 있습니다.',
    REJECTED: '거절됨: 운영 호출을 할 수 없습니다.',
    REVOKED: '취소됨: 운영 호출이 중단되었습니다.',
  },
  purpose: '이용 목적',
  operations: '허가된 기능',
  allOperations: '모든 기능',
  today: '오늘(UTC 기준)',
  usedToday: '운영 호출 {{used}}회 / 한도 {{quota}}',
  noQuota: '제한 없음',
  last30: '최근 30일(시험 호출 포함):',
  usageUnavailable: '이용량을 불러오지 못했습니다.',
  callsAndErrors: '호출 {{calls}}회, 실패 {{failures}}회',
  since: '신청 일시',
  perDay: '{{name}} 일별 호출 수',
  day: '날짜(UTC)',
  calls: '호출',
  failures: '실패',
  try: 'TEST 키로 시험해 보기',
  tryNamed: '{{name}}을(를) TEST 키로 시험해 보기',
};
