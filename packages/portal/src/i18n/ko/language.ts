import type { language as en } from '../en/language';
import type { Messages } from '../messages';

export const language: Messages<typeof en> = { label: '언어', en: 'English', ko: '한국어' };
