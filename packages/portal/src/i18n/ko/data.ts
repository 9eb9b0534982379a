import type { data as en } from '../en/data';
import type { Messages } from '../messages';

export const data: Messages<typeof en> = {
  title: '데이터 카탈로그',
  intro: '기관이 허브에 연결한 데이터셋입니다. 메타데이터와 스키마는 공개되고, 레코드는 데이터셋의 등급을 따릅니다.',
  searchRegion: '데이터 카탈로그 찾기',
  searchLabel: '데이터셋 검색',
  classificationLabel: '등급',
  anyClassification: '모든 등급',
  empty: '맞는 데이터셋이 없습니다.',
  count_one: '데이터셋 {{count}}개',
  count_other: '데이터셋 {{count}}개',
  usedBy: '사용하는 서비스:',
  showPreview: '{{name}} 레코드 미리 보기',
  previewNone: '볼 수 있는 레코드가 없거나 아직 없습니다.',
  requestAccess: '{{name}} 이용 신청',
  requested: '소유 기관에 신청했습니다. 이용 권한 메뉴에서 확인할 수 있습니다.',
};
