import type { ChallengeStatus } from '@maru/core';

/** A demo company, by the slug of its organization in demo-data.ts. */
export type DemoCompany = 'hanbit-data' | 'sejong-civic-tech';

/** One company's entry to a demo challenge, and how far it got. */
export interface DemoEntry {
  company: DemoCompany;
  title: string;
  summary: string;
  /** DRAFT: written but not sent yet; WITHDRAWN: sent, then taken back. Default SUBMITTED. */
  state?: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  pluginPackage?: { name: string; version: string };
}

/**
 * One demo challenge and its history, in days relative to the moment the demo is seeded (negative: in the past).
 * The seeder walks the history in order with the hub's clock standing at each step, so every date agrees with the
 * state: a challenge is published before its deadline, entries are sent before it, it closes at it, and its award
 * comes after the review.
 */
export interface DemoStory {
  title: string;
  summary: string;
  /** The problem, in Markdown. */
  problem: string;
  tags: string[];
  type: 'IDEA' | 'PROOF_OF_CONCEPT' | 'PROTOTYPE' | 'PRODUCTION_SERVICE';
  agency: 'mois' | 'msit';
  state: ChallengeStatus;
  /** When the agency wrote it (and, unless a DRAFT, published it). */
  published: number;
  deadline: number;
  /** A CANCELLED challenge: when it was called off. */
  cancelled?: number;
  /** An EVALUATING challenge: how many of its two panelists have scored every entry (default 2). */
  scoredBy?: number;
  /** An AWARDED challenge: when the winners were announced, and which entries won. */
  awarded?: number;
  winners?: DemoCompany[];
  entries?: DemoEntry[];
  /** Slugs of the demo datasets the challenge bears on. */
  data?: string[];
  prize?: { kind: 'PRIZE' | 'CONTRACT'; amount: number; description: string };
}

const HANBIT: DemoCompany = 'hanbit-data';
const SEJONG: DemoCompany = 'sejong-civic-tech';

/** The problems posted on the demo hub: six open, two closed, three under review, four awarded, two drafts, one cancelled. */
export const DEMO_STORIES: DemoStory[] = [
  {
    title: '태풍·호우 때 가장 가까운 대피소 안내',
    summary: '재난이 닥쳤을 때 주민 누구나 지금 열려 있는 가장 가까운 대피소를 자기 언어로 안내받게 합니다.',
    problem:
      '## 문제\n\n태풍이나 집중호우 때 대피소 목록은 시·군·구 누리집마다 흩어져 있고, 어느 곳이 **지금 열려 있는지** 알 수 없습니다.\n\n## 기대 결과\n\n- 현재 위치에서 가까운 개방 대피소와 가는 길\n- 한국어·영어·베트남어·중국어 안내\n- 다른 기관도 공유 서비스로 쓸 수 있는 API',
    tags: ['재난안전', '주소', '다국어'],
    type: 'PROTOTYPE',
    agency: 'mois',
    state: 'OPEN',
    published: -25,
    deadline: 4,
    entries: [
      { company: HANBIT, title: '한빛 대피소 길안내', summary: '도로명주소와 실시간 개방 정보를 묶은 대피소 길안내' },
      {
        company: SEJONG,
        title: '세종 다국어 재난 알림',
        summary: '거주 외국인에게 모국어로 대피소를 알려 주는 알림 서비스',
      },
    ],
    prize: { kind: 'PRIZE', amount: 30_000_000, description: '최우수 1팀에 상금을 드립니다.' },
  },
  {
    title: '소상공인 정책자금 맞춤 안내',
    summary: '사업자 정보만으로 받을 수 있는 정책자금과 지원사업을 한 번에 찾아 줍니다.',
    problem:
      '## 문제\n\n소상공인 지원사업은 수백 개인데, 사장님이 자격 요건을 하나하나 읽어야 합니다.\n\n## 기대 결과\n\n- 사업자등록 정보와 지원 이력으로 받을 수 있는 사업 추천\n- 신청 마감일 알림',
    tags: ['소상공인', '자격확인', '맞춤안내'],
    type: 'PROOF_OF_CONCEPT',
    agency: 'mois',
    state: 'OPEN',
    published: -20,
    deadline: 9,
    data: ['business-registrations', 'small-business-subsidies'],
    entries: [
      {
        company: HANBIT,
        title: '한빛 지원사업 매칭',
        summary: '업종·지역·매출 규모로 받을 수 있는 지원사업을 찾아 줍니다',
      },
    ],
    prize: { kind: 'CONTRACT', amount: 80_000_000, description: '1년간 시범 운영 계약을 맺습니다.' },
  },
  {
    title: '버스 정류장 혼잡도 예측',
    summary: '공개된 정류장·노선 데이터로 출퇴근 시간 버스 혼잡도를 미리 알려 줍니다.',
    problem:
      '## 문제\n\n출퇴근 시간 버스는 정류장마다 혼잡도가 크게 다르지만, 시민은 타 보기 전에는 알 수 없습니다.\n\n## 기대 결과\n\n- 정류장별 30분 뒤 혼잡도 예측\n- 교통약자를 위한 덜 붐비는 경로 안내',
    tags: ['교통', '공공데이터', '예측'],
    type: 'PROTOTYPE',
    agency: 'msit',
    state: 'OPEN',
    published: -12,
    deadline: 16,
    data: ['bus-stops'],
    entries: [
      {
        company: SEJONG,
        title: '세종 버스 혼잡 알림',
        summary: '자주 타는 정류장의 혼잡도를 미리 알려 주는 알림',
        state: 'DRAFT',
      },
    ],
    prize: { kind: 'PRIZE', amount: 20_000_000, description: '우수 2팀에 상금을 나누어 드립니다.' },
  },
  {
    title: '민원 답변 초안 작성 도우미',
    summary: '공무원이 민원에 답할 때 근거 법령과 과거 답변을 찾아 초안을 만들어 줍니다.',
    problem:
      '## 문제\n\n비슷한 민원에 담당자마다 처음부터 답변을 씁니다.\n\n## 기대 결과\n\n- 근거 법령과 과거 답변을 **출처와 함께** 제시하는 초안\n- 담당자가 고치고 승인해야만 발송',
    tags: ['인공지능', '민원'],
    type: 'IDEA',
    agency: 'msit',
    state: 'OPEN',
    published: -8,
    deadline: 23,
    entries: [{ company: SEJONG, title: '세종 민원 도우미', summary: '근거를 인용하는 답변 초안과 담당자 검토 화면' }],
    prize: { kind: 'PRIZE', amount: 10_000_000, description: '아이디어 우수작에 상금을 드립니다.' },
  },
  {
    title: '시각장애인을 위한 음성·점자 고지서',
    summary: '세금·과태료 고지서를 음성과 점자로도 받아 볼 수 있게 합니다.',
    problem:
      '## 문제\n\n종이 고지서는 시각장애인이 혼자 읽을 수 없습니다.\n\n## 기대 결과\n\n- 화면낭독기로 읽을 수 있는 전자 고지서\n- 점자 고지서 신청과 발송',
    tags: ['접근성', '알림'],
    type: 'PROTOTYPE',
    agency: 'mois',
    state: 'OPEN',
    published: -5,
    deadline: 33,
    prize: { kind: 'CONTRACT', amount: 50_000_000, description: '시범 운영 계약을 맺습니다.' },
  },
  {
    title: '외국인 주민 모바일 신분 확인',
    summary: '외국인 주민도 모바일 외국인등록증으로 공공서비스에 바로 가입하게 합니다.',
    problem:
      '## 문제\n\n외국인 주민은 공공 누리집 가입 때 본인확인 수단이 없어 창구를 찾아야 합니다.\n\n## 기대 결과\n\n- 모바일 외국인등록증으로 본인확인\n- 여러 기관이 함께 쓰는 공유 서비스',
    tags: ['본인확인', '외국인주민'],
    type: 'PRODUCTION_SERVICE',
    agency: 'mois',
    state: 'OPEN',
    published: -3,
    deadline: 58,
    prize: { kind: 'CONTRACT', amount: 150_000_000, description: '본사업 운영 계약을 맺습니다.' },
  },
  {
    title: '전입신고 한 번으로 끝내는 주소 변경',
    summary: '전입신고 한 번으로 건강보험, 자동차, 학교 주소까지 모두 바뀌게 합니다.',
    problem:
      '## 문제\n\n이사하면 기관마다 주소를 따로 바꿔야 합니다.\n\n## 기대 결과\n\n- 전입신고 정보를 본인 동의를 받아 관계 기관에 전달\n- 변경 결과를 한 화면에서 확인',
    tags: ['원스톱', '주소', '전입'],
    type: 'PRODUCTION_SERVICE',
    agency: 'mois',
    state: 'CLOSED',
    published: -45,
    deadline: -2,
    entries: [
      { company: HANBIT, title: '한빛 주소 한 번에', summary: '전입 주소를 표준화해 관계 기관에 전달합니다' },
      { company: SEJONG, title: '세종 이사 도우미', summary: '동의 절차와 변경 결과 알림을 묶은 서비스' },
    ],
    prize: { kind: 'CONTRACT', amount: 120_000_000, description: '1년간 운영 계약을 맺습니다.' },
  },
  {
    title: '공공데이터 품질 자동 점검',
    summary: '시민보다 먼저 깨지거나 오래된 공공데이터를 찾아냅니다.',
    problem:
      '## 문제\n\n개방된 데이터 가운데 링크가 깨졌거나 몇 년째 갱신되지 않은 것이 많습니다.\n\n## 기대 결과\n\n- 매일 자동 점검과 기관별 품질 보고서',
    tags: ['공공데이터', '데이터품질'],
    type: 'PROOF_OF_CONCEPT',
    agency: 'msit',
    state: 'CLOSED',
    published: -40,
    deadline: -1,
    entries: [
      { company: HANBIT, title: '한빛 데이터 점검기', summary: '형식·갱신 주기·주소 정합성을 매일 점검합니다' },
    ],
    prize: { kind: 'PRIZE', amount: 20_000_000, description: '우수작에 상금을 드립니다.' },
  },
  {
    title: '구직자 증명서 종이 없이 제출하기',
    summary: '구직자가 졸업·자격 증명서를 떼지 않고 전자로 제출하게 합니다.',
    problem:
      '## 문제\n\n구직자는 지원할 때마다 같은 증명서를 발급받아 냅니다.\n\n## 기대 결과\n\n- 본인 동의로 발급 기관에서 바로 제출\n- 받은 기관이 진위를 확인',
    tags: ['전자증명서', '원스톱'],
    type: 'IDEA',
    agency: 'mois',
    state: 'EVALUATING',
    published: -50,
    deadline: -21,
    scoredBy: 2,
    entries: [
      { company: SEJONG, title: '세종 전자증명 지갑', summary: '증명서를 한 번 받아 두고 여러 곳에 제출합니다' },
      { company: HANBIT, title: '한빛 증명서 연계', summary: '발급 기관과 채용 기관을 잇는 연계 서비스' },
    ],
    prize: { kind: 'PRIZE', amount: 15_000_000, description: '아이디어 우수작에 상금을 드립니다.' },
  },
  {
    title: '청년 창업 지원 자격 자가진단',
    summary: '청년 창업자가 받을 수 있는 지원을 몇 가지 질문으로 알려 줍니다.',
    problem:
      '## 문제\n\n창업 지원사업마다 나이·업력·지역 조건이 달라 청년이 스스로 판단하기 어렵습니다.\n\n## 기대 결과\n\n- 다섯 개 이하의 질문으로 받을 수 있는 지원 안내',
    tags: ['청년', '창업', '자격확인'],
    type: 'PROTOTYPE',
    agency: 'msit',
    state: 'EVALUATING',
    published: -40,
    deadline: -12,
    scoredBy: 1,
    entries: [
      { company: HANBIT, title: '한빛 창업 지원 찾기', summary: '지역과 업종으로 지원사업을 좁혀 줍니다' },
      { company: SEJONG, title: '세종 청년 자가진단', summary: '질문 다섯 개로 끝나는 자격 진단' },
    ],
    prize: { kind: 'PRIZE', amount: 20_000_000, description: '우수작에 상금을 드립니다.' },
  },
  {
    title: '어르신 병원 동행 서비스 예약',
    summary: '혼자 병원에 가기 어려운 어르신이 동행 서비스를 전화 한 통이나 앱으로 예약합니다.',
    problem:
      '## 문제\n\n병원 동행 서비스는 지자체마다 신청 방법이 다릅니다.\n\n## 기대 결과\n\n- 전화·앱 어느 쪽으로도 되는 예약\n- 보호자에게 동행 결과 알림',
    tags: ['돌봄', '알림'],
    type: 'PROTOTYPE',
    agency: 'mois',
    state: 'EVALUATING',
    published: -35,
    deadline: -6,
    scoredBy: 0,
    entries: [{ company: SEJONG, title: '세종 동행 예약', summary: '예약과 보호자 알림을 묶은 서비스' }],
    prize: { kind: 'CONTRACT', amount: 60_000_000, description: '시범 운영 계약을 맺습니다.' },
  },
  {
    title: '도로 파손 신고 사진 위치 자동 분류',
    summary: '시민이 찍어 보낸 도로 파손 사진의 위치와 관할 기관을 자동으로 찾아 줍니다.',
    problem:
      '## 문제\n\n도로 파손 신고는 관할이 어디인지 가리는 데만 며칠이 걸립니다.\n\n## 기대 결과\n\n- 사진 위치로 도로명주소와 관할 기관 판별\n- 담당 부서로 바로 전달',
    tags: ['도로', '주소', '민원'],
    type: 'PROOF_OF_CONCEPT',
    agency: 'msit',
    state: 'AWARDED',
    published: -110,
    deadline: -80,
    awarded: -55,
    winners: [HANBIT],
    entries: [
      { company: HANBIT, title: '한빛 도로 관할 찾기', summary: '사진 위치를 도로명주소와 관할 기관으로 바꿉니다' },
      { company: SEJONG, title: '세종 도로 신고 알림', summary: '신고 처리 단계를 신고자에게 알려 줍니다' },
    ],
    prize: { kind: 'PRIZE', amount: 20_000_000, description: '최우수작에 상금을 드립니다.' },
  },
  {
    title: '행정 알림 통합 발송',
    summary: '기관마다 따로 보내던 행정 알림을 문자·앱·전자우편으로 한 번에 보냅니다.',
    problem:
      '## 문제\n\n같은 주민에게 기관마다 다른 채널로 알림을 보내 비용이 겹칩니다.\n\n## 기대 결과\n\n- 주민이 고른 채널로 한 번에 발송\n- 발송 결과와 비용 보고',
    tags: ['알림', '공유서비스'],
    type: 'PRODUCTION_SERVICE',
    agency: 'mois',
    state: 'AWARDED',
    published: -95,
    deadline: -65,
    awarded: -40,
    winners: [SEJONG],
    entries: [
      { company: SEJONG, title: '세종 통합 알림', summary: '채널 선택과 발송 결과를 한곳에서 관리합니다' },
      { company: HANBIT, title: '한빛 주소 기반 알림', summary: '주소 단위로 대상자를 골라 보냅니다' },
    ],
    prize: { kind: 'CONTRACT', amount: 100_000_000, description: '1년간 운영 계약을 맺습니다.' },
  },
  {
    title: '모바일 간편 본인확인',
    summary: '공공 누리집 가입과 로그인에 쓸 수 있는 간편 본인확인을 만듭니다.',
    problem:
      '## 문제\n\n기관마다 본인확인 수단이 달라 주민이 매번 새로 인증합니다.\n\n## 기대 결과\n\n- 여러 기관이 함께 쓰는 본인확인 공유 서비스',
    tags: ['본인확인', '공유서비스'],
    type: 'PROTOTYPE',
    agency: 'msit',
    state: 'AWARDED',
    published: -80,
    deadline: -50,
    awarded: -28,
    winners: [SEJONG],
    entries: [
      { company: SEJONG, title: '세종 간편인증', summary: '모바일 신분증과 간편인증서를 함께 받는 본인확인' },
      { company: HANBIT, title: '한빛 인증 연계', summary: '기존 인증 수단을 한 화면에 모읍니다' },
    ],
    prize: { kind: 'PRIZE', amount: 30_000_000, description: '최우수작에 상금을 드립니다.' },
  },
  {
    title: '위치 기반 재난문자 정밀 발송',
    summary: '재난문자를 시·군 전체가 아니라 위험 지역에 있는 사람에게만 보냅니다.',
    problem:
      '## 문제\n\n재난문자가 너무 넓게 발송되어 정작 위험 지역 주민이 무시하게 됩니다.\n\n## 기대 결과\n\n- 읍·면·동보다 작은 구역 단위 발송\n- 발송 대상 구역을 지도로 확인',
    tags: ['재난안전', '알림', '주소'],
    type: 'PROTOTYPE',
    agency: 'mois',
    state: 'AWARDED',
    published: -70,
    deadline: -45,
    awarded: -18,
    winners: [HANBIT, SEJONG],
    entries: [
      { company: HANBIT, title: '한빛 위험구역 지도', summary: '도로명주소 단위로 위험 구역을 그립니다' },
      { company: SEJONG, title: '세종 정밀 재난문자', summary: '구역 안 주민에게만 문자를 보냅니다' },
    ],
    prize: { kind: 'PRIZE', amount: 40_000_000, description: '우수 2팀에 상금을 나누어 드립니다.' },
  },
  {
    title: '청년 주거급여 자격 바로 확인',
    summary: '청년이 서류 없이 주거급여 자격을 바로 확인하게 합니다.',
    problem:
      '## 문제\n\n청년 주거급여는 소득·주거 서류를 여러 장 내야 자격을 알 수 있습니다.\n\n## 기대 결과\n\n- 본인 동의로 자격을 바로 확인\n- 부족한 요건 안내',
    tags: ['청년', '주거', '자격확인'],
    type: 'PROTOTYPE',
    agency: 'mois',
    state: 'DRAFT',
    published: -2,
    deadline: 40,
    data: ['youth-housing-benefits'],
  },
  {
    title: '민원 분류 학습데이터 개방',
    summary: '민원 자동 분류에 쓸 수 있도록 개인정보를 지운 학습데이터를 개방합니다.',
    problem:
      '## 문제\n\n민원 분류 모델을 만들 학습데이터가 없습니다.\n\n## 기대 결과\n\n- 가명 처리된 민원 학습데이터와 품질 기준',
    tags: ['인공지능', '공공데이터'],
    type: 'IDEA',
    agency: 'msit',
    state: 'DRAFT',
    published: -1,
    deadline: 45,
  },
  {
    title: '공공 와이파이 품질 지도',
    summary: '공공 와이파이의 속도와 접속 품질을 지도로 보여 줍니다.',
    problem: '## 문제\n\n공공 와이파이가 어디서 잘 되는지 알 수 없습니다.\n\n## 기대 결과\n\n- 측정값을 모은 품질 지도',
    tags: ['통신', '공공데이터'],
    type: 'PROOF_OF_CONCEPT',
    agency: 'msit',
    state: 'CANCELLED',
    published: -30,
    deadline: 10,
    cancelled: -6,
  },
];

/** Why the cancelled demo challenge was called off. */
export const DEMO_CANCEL_REASON = '예산이 조정되어 올해 공모를 취소합니다. 내년 상반기에 다시 공고할 예정입니다.';

/** Questions companies ask, with the agency's answers; each published challenge gets two, in turn. */
export const DEMO_QUESTIONS: Array<{ question: string; answer: string }> = [
  { question: '기존 공공 API를 함께 써도 되나요?', answer: '네, 됩니다. 제안서에 출처와 이용 조건을 적어 주세요.' },
  {
    question: '여러 회사가 함께 참여할 수 있나요?',
    answer: '네, 대표 회사 한 곳이 제출하고 함께하는 회사를 제안서에 적어 주세요.',
  },
  { question: '모바일 앱만 제안해도 되나요?', answer: '웹 접근성을 지킨 모바일 웹도 함께 제공해야 합니다.' },
  {
    question: '시범 운영 때 실제 데이터를 받을 수 있나요?',
    answer: '선정 뒤 데이터 이용을 신청하시면 승인 절차를 거쳐 제공합니다.',
  },
  { question: '제안서 분량에 제한이 있나요?', answer: '본문은 10쪽 이내로 써 주시고, 자료는 링크로 붙여 주세요.' },
];

/** The demo's evaluation criteria, the same for every challenge. */
export const DEMO_CRITERIA = [
  { key: 'impact', name: '공공 효과', description: '얼마나 많은 주민에게 얼마나 도움이 되는가', weight: 40 },
  { key: 'feasibility', name: '실현 가능성', description: '1년 안에 실제로 운영할 수 있는가', weight: 35 },
  { key: 'openness', name: '개방성', description: '개방형 표준을 따르고 다른 기관이 다시 쓸 수 있는가', weight: 25 },
];

/**
 * What each of the two panelists says in public about an entry: [reviewer][strong or not][variant]. Each reviewer
 * writes one comment per entry, in their own words, so no entry shows the same comment twice.
 */
export const DEMO_PUBLIC_COMMENTS: string[][][] = [
  [
    ['공공데이터를 어떻게 쓰는지 구체적으로 설명했습니다.', '기존 행정 절차와의 연계 방안이 현실적입니다.'],
    ['데이터 갱신 주기와 오류 처리 계획이 더 필요합니다.', '개인정보 처리 흐름을 더 자세히 밝혀 주세요.'],
  ],
  [
    ['주민이 바로 쓸 수 있는 화면 흐름이 돋보입니다.', '다른 기관으로 확산하기 쉬운 구조입니다.'],
    ['운영 비용과 확산 계획이 구체적이지 않습니다.', '접근성 점검 결과가 빠져 있어 아쉽습니다.'],
  ],
];

/**
 * Per-criterion remarks, [criterion][strong or not][reviewer]: the reviewers' own notes, shown to the agency — each
 * reviewer in their own words, so no entry shows the same remark twice.
 */
export const DEMO_CRITERION_COMMENTS: Record<string, [[string, string], [string, string]]> = {
  impact: [
    ['혜택을 받는 주민이 많습니다.', '주민 불편을 직접 줄이는 제안입니다.'],
    ['효과가 일부 주민에 그칩니다.', '효과를 어떻게 잴지 빠져 있습니다.'],
  ],
  feasibility: [
    ['일정과 인력 계획이 타당합니다.', '이미 운영 중인 기술을 써서 위험이 작습니다.'],
    ['일정이 빠듯합니다.', '운영 인력 계획이 부족합니다.'],
  ],
  openness: [
    ['개방형 표준을 따릅니다.', '다른 기관이 그대로 가져다 쓸 수 있습니다.'],
    ['특정 제품에 묶일 우려가 있습니다.', '공개하는 API 범위가 좁습니다.'],
  ],
};
