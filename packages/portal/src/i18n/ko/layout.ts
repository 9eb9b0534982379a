import type { layout as en } from '../en/layout';
import type { Messages } from '../messages';

export const layout: Messages<typeof en> = {
  brand: '마루',
  skipToContent: '본문 바로가기',
  breadcrumbs: '현재 위치',
  home: '홈',
  footer: '마루 — 디지털플랫폼정부의 열린 허브. 챌린지, 공유 서비스, 기관 데이터를 한곳에서.',
  official: '이 누리집은 대한민국 공식 전자정부 누리집입니다.',
  officialHow: '공식 누리집 확인 방법',
  officialDomainTitle: '누리집 주소 확인',
  officialDomain: '정부와 공공기관의 공식 누리집은 go.kr로 끝나는 주소를 사용합니다.',
  officialHttpsTitle: '보안 연결 확인',
  officialHttps:
    '주소창의 자물쇠 표시나 “https://”는 공식 누리집과의 연결이 암호화되어 있다는 뜻입니다. 개인정보는 보안 연결된 공식 누리집에서만 입력해 주세요.',
  menu: '메뉴',
  phase: {
    demo: '데모',
    demoText: '시연용 누리집입니다. 모든 자료는 가상입니다.',
    beta: '베타',
    betaText: '새로 시범 운영 중인 서비스입니다. 의견을 주시면 개선에 반영하겠습니다.',
  },
  operator: '운영기관',
  operatedBy: '이 누리집은 {{name}}에서 운영합니다.',
  siteInfo: '누리집 정보',
  policies: '누리집 정책',
  myData: '내 데이터 열람 기록',
  myDataHint: '기관에서 받은 정보주체 키로 확인',
  address: '주소',
  contactLine: '연락처',
  contact: '문의하기',
};
