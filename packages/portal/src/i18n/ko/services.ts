import type { services as en } from '../en/services';
import type { Messages } from '../messages';

export const services: Messages<typeof en> = {
  title: '공유 서비스',
  intro: '기관과 기업이 이용 권한을 받아 허브로 호출하는 서비스입니다. 상당수는 챌린지 수상 해법에서 출발했습니다.',
  empty: '카탈로그에 서비스가 아직 없습니다.',
  count_one: '서비스 {{count}}개',
  count_other: '서비스 {{count}}개',
  usesData: '사용 데이터셋:',
  fromChallenge: '출발한 챌린지:',
  yourAccess: '우리 조직의 이용 권한:',
  requestAccess: '{{name}} 이용 신청',
  purpose: '목적',
  sendRequest: '신청 보내기',
  requested: '신청했습니다. 플랫폼 관리자가 결정하며, 이용 권한 메뉴에서 확인할 수 있습니다.',
};
