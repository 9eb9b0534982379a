import type { apiKeyStatus as en } from '../en/api-key-status';
import type { Messages } from '../messages';

export const apiKeyStatus: Messages<typeof en> = { ACTIVE: '사용 중', EXPIRED: '만료', REVOKED: '폐기' };
