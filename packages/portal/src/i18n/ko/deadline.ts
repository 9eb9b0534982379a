import type { deadline as en } from '../en/deadline';
import type { Messages } from '../messages';

export const deadline: Messages<typeof en> = {
  passed: '마감',
};
