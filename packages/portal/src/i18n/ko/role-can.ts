import type { roleCan as en } from '../en/role-can';
import type { Messages } from '../messages';

export const roleCan: Messages<typeof en> = {
  PLATFORM_ADMIN: '허브를 운영합니다: 플러그인, 서비스 이용 권한, 전체 감사 기록.',
  AGENCY_ADMIN: '기관을 관리합니다: 구성원, 데이터셋, 데이터 이용 신청, 기관의 감사 기록. 챌린지도 등록할 수 있습니다.',
  CHALLENGE_MANAGER: '챌린지를 등록·공개하고, 질문에 답하고, 심사위원을 배정하고, 수상작을 선정합니다.',
  REVIEWER: '배정된 챌린지의 제안서를 심사합니다.',
  COMPANY_ADMIN: '기업을 대표해 공개된 챌린지에 제안서를 내고, 질문하고, 서비스와 데이터 이용을 신청합니다.',
  DEVELOPER: '기업의 제안서를 작성하고 공유 서비스를 호출합니다.',
};
