import type { apiKeyScopeHint as en } from '../en/api-key-scope-hint';
import type { Messages } from '../messages';

export const apiKeyScopeHint: Messages<typeof en> = {
  READ: '내 역할로 볼 수 있는 비공개 데이터를 읽습니다.',
  WRITE: '챌린지, 제안서, 심사, 신청을 바꿉니다.',
  ADMIN: '구성원, 키, 기관을 관리합니다.',
};
