import type { audit as en } from '../en/audit';
import type { Messages } from '../messages';

export const audit: Messages<typeof en> = {
  title: '감사 기록',
  introPlatform: '허브의 모든 변경 기록입니다. 해시로 연결되어 있어 변조가 드러납니다. 최신순.',
  introOrganization: '{{organization}}에 관한 모든 변경 기록입니다. 최신순.',
  verify: '체인 검증',
  chainOk: '체인이 온전합니다: 이벤트 {{count}}건 확인.',
  chainBroken: '{{seq}}번 이벤트에서 체인이 끊겼습니다: {{reason}}',
  filterRegion: '감사 기록 거르기',
  filter: '거르기',
  empty: '맞는 이벤트가 없습니다.',
  count_one: '이벤트 {{count}}건',
  count_other: '이벤트 {{count}}건',
  action: '동작',
  outcome: '결과',
};
