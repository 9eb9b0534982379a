import type { classification as en } from '../en/classification';
import type { Messages } from '../messages';

export const classification: Messages<typeof en> = {
  PUBLIC: '공개',
  INTERNAL: '내부',
  RESTRICTED: '제한',
  PERSONAL: '개인정보',
};
