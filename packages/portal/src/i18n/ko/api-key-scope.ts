import type { apiKeyScope as en } from '../en/api-key-scope';
import type { Messages } from '../messages';

export const apiKeyScope: Messages<typeof en> = { READ: '읽기', WRITE: '쓰기', ADMIN: '관리' };
