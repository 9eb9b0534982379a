import type { common as en } from '../en/common';
import type { Messages } from '../messages';

export const common: Messages<typeof en> = {
  loading: '불러오는 중…',
  working: '처리 중…',
  refresh: '새로 고침',
  loadMore: '더 보기',
  fixErrors: '아래 표시된 항목을 고쳐 주세요.',
  yes: '예',
  no: '아니요',
  cancel: '취소',
};
