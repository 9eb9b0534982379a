import type { apiKeyMode as en } from '../en/api-key-mode';
import type { Messages } from '../messages';

export const apiKeyMode: Messages<typeof en> = { TEST: '테스트', LIVE: '운영' };
