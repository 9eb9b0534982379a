import type { memberStatus as en } from '../en/member-status';
import type { Messages } from '../messages';

export const memberStatus: Messages<typeof en> = { ACTIVE: '활성', INVITED: '초대됨', DISABLED: '정지' };
