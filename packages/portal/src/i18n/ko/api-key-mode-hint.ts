import type { apiKeyModeHint as en } from '../en/api-key-mode-hint';
import type { Messages } from '../messages';

export const apiKeyModeHint: Messages<typeof en> = {
  TEST: '서비스 샌드박스 호출과 읽기만 됩니다. 키·구성원·기관을 만들거나 이용 권한을 바꿀 수 없습니다.',
  LIVE: '고른 권한 범위를 모두 씁니다.',
};
