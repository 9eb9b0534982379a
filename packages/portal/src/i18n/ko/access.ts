import type { access as en } from '../en/access';
import type { Messages } from '../messages';

export const access: Messages<typeof en> = {
  title: '이용 권한',
  intro: '공유 서비스와 기관 데이터의 이용 권한: 누가 무엇을 신청했고 어떻게 결정되었는지.',
  grantsTitle: '서비스 이용',
  grantsEmpty: '서비스 이용 신청이 없습니다.',
  grantHeading: '{{consumer}} → {{service}}',
  noQuota: '일일 한도 없음',
  quota: '오늘 {{quota}}회 중 {{used}}회 호출',
  approve: '{{consumer}} 승인',
  reject: '{{consumer}} 거절',
  revoke: '{{consumer}} 이용 권한 회수',
  incomingTitle: '우리 기관 데이터에 대한 신청',
  outgoingTitle: '우리 조직의 데이터 이용 신청',
  requestsEmpty: '데이터 이용 신청이 없습니다.',
  requestHeading: '{{requester}} → {{dataset}}',
  fields: '항목: {{fields}}',
  until: '기한',
  withdraw: '철회',
};
