import type { form as en } from '../en/form';
import type { Messages } from '../messages';

export const form: Messages<typeof en> = { problemTitle: '입력 내용을 확인해 주세요' };
