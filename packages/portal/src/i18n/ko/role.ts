import type { role as en } from '../en/role';
import type { Messages } from '../messages';

export const role: Messages<typeof en> = {
  PLATFORM_ADMIN: '플랫폼 관리자',
  AGENCY_ADMIN: '기관 관리자',
  CHALLENGE_MANAGER: '챌린지 담당자',
  REVIEWER: '심사위원',
  COMPANY_ADMIN: '기업 관리자',
  DEVELOPER: '개발자',
};
