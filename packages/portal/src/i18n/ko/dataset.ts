import type { dataset as en } from '../en/dataset';
import type { Messages } from '../messages';

export const dataset: Messages<typeof en> = {
  title: '데이터셋',
  notFound: '없는 데이터셋이거나 삭제된 데이터셋입니다.',
  backToCatalogue: '데이터 목록으로 돌아가기',
  owner: '보유 기관',
  classification: '공개 등급',
  licence: '이용허락 조건',
  refresh: '갱신 주기',
  refreshOnDemand: '기관이 동기화할 때',
  refreshDaily: '매일',
  refreshDays_one: '{{count}}일마다',
  refreshDays_other: '{{count}}일마다',
  refreshHours_one: '1시간마다',
  refreshHours_other: '{{count}}시간마다',
  refreshMinutes_one: '1분마다',
  refreshMinutes_other: '{{count}}분마다',
  lastSync: '최근 갱신',
  neverSynced: '아직 동기화하지 않았습니다',
  records: '레코드 수',
  recordCount_one: '{{count}}건',
  recordCount_other: '{{count}}건',
  tags: '태그',
  description: '데이터셋 설명',
  noDescription: '기관이 아직 이 데이터셋을 설명하지 않았습니다.',
  access: '레코드를 볼 수 있는 곳',
  accessNote: {
    PUBLIC: '누구나 신청 없이 아래 API로 레코드를 조회할 수 있습니다.',
    INTERNAL:
      '보유 기관의 구성원이 레코드를 조회할 수 있습니다. 다른 기관은 필요한 항목, 이용 목적, 이용 기간을 밝혀 보유 기관에 이용을 신청합니다.',
    RESTRICTED:
      '보유 기관과 이용 신청이 승인된 기관만 레코드를 조회할 수 있습니다. 필요한 항목, 이용 목적, 이용 기간을 밝혀 이용을 신청하세요.',
    PERSONAL:
      '개인정보가 들어 있습니다. 이용 신청이 승인된 기관도 해당 이용 목적에 동의한 사람의 개인정보 항목만 볼 수 있습니다.',
  },
  signInToRequest: '이용을 신청하려면 소속 기관 구성원으로 로그인하세요.',
  schema: '항목',
  noSchema: '항목은 첫 동기화 후에 확인할 수 있습니다.',
  api: 'API로 조회하기',
  apiHint:
    '기관의 API 키로 이 GraphQL 쿼리를 /graphql에 보내세요(GraphiQL에서 바로 실행해 볼 수도 있습니다). 조회 권한이 있는 레코드만 돌려받으며, 모든 조회는 기록됩니다.',
  copyQuery: '쿼리 복사',
  copied: '쿼리를 복사했습니다.',
  copyFailed: '복사하지 못했습니다. 쿼리를 선택해 직접 복사하세요.',
  openGraphiql: 'GraphiQL 열기',
  dcat: 'DCAT 카탈로그',
  dcatIntro:
    '플랫폼은 공공데이터포털처럼 카탈로그를 수집하는 데이터 포털을 위해 모든 데이터셋의 메타데이터를 DCAT-AP(JSON-LD)로 공개합니다.',
  dcatLink: 'DCAT 카탈로그(dcat.jsonld)',
  dcatEntry: '이 데이터셋의 DCAT 항목',
  dcatIdentifier: '카탈로그 안의 이 데이터셋 식별자:',
  usedBy: '이 데이터를 쓰는 서비스',
};
