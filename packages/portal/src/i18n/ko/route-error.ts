import type { routeError as en } from '../en/route-error';
import type { Messages } from '../messages';

export const routeError: Messages<typeof en> = {
  title: '이 페이지를 보여 줄 수 없습니다',
  body: '불러오는 중 문제가 생겼습니다. 새로 고치면 대개 해결됩니다. 그래도 안 되면 허브가 업데이트 중일 수 있습니다.',
  reload: '페이지 새로 고침',
};
