import type { organizations as en } from '../en/organizations';
import type { Messages } from '../messages';

export const organizations: Messages<typeof en> = {
  title: '기관 조직도',
  introPlatform: '허브의 모든 기관과 그 아래 기관입니다. 기관이나 하위 기관을 추가하거나 이름을 바꾸세요.',
  introAgency: '우리 기관과 그 아래 기관입니다. 하위 기관을 추가하거나 이름을 바꾸세요.',
  treeLabel: '기관 조직도',
  rename: '{{name}} 이름 바꾸기',
  newName: '새 이름',
  saveName: '이름 저장',
  renamed: '이름을 {{name}}(으)로 바꿨습니다.',
  addBelow: '{{name}} 아래에 하위 기관 추가',
  addTop: '기관 추가',
  name: '이름',
  slug: '주소용 짧은 이름',
  slugHint: '영문 소문자, 숫자, 하이픈. 허브에서 유일해야 합니다. 예: mois-digital-service',
  create: '기관 만들기',
  created: '{{name}}을(를) 만들었습니다.',
  companiesTitle: '기업',
  companiesIntro:
    '기업은 챌린지에 참여하고 공유 서비스를 이용합니다. 기업을 추가하거나 이름을 바꾸세요. 구성원은 그 기업의 관리자가 관리합니다.',
  companiesLabel: '기업 목록',
  companiesEmpty: '아직 등록된 기업이 없습니다.',
  addCompany: '기업 추가',
  createCompany: '기업 만들기',
  errors: {
    name: '1~200자의 이름을 입력하세요.',
    slug: '영문 소문자, 숫자, 하이픈 하나씩만 쓰세요. 예: mois-digital-service',
  },
};
