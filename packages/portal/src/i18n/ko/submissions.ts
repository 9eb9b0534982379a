import type { submissions as en } from '../en/submissions';
import type { Messages } from '../messages';

export const submissions: Messages<typeof en> = { submittedAt: '제출' };
