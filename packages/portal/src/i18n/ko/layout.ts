import type { layout as en } from '../en/layout';
import type { Messages } from '../messages';

export const layout: Messages<typeof en> = {
  brand: '마루',
  skipToContent: '본문으로 건너뛰기',
  breadcrumbs: '현재 위치',
  home: '홈',
  footer: '마루 — 디지털플랫폼정부의 열린 허브. 챌린지, 공유 서비스, 기관 데이터를 한곳에서.',
};
