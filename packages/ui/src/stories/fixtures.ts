import type { ChallengeSummary } from '../challenges/challenge-card';
import type { ChallengeDetail } from '../challenges/challenge-page';
import type { Criterion } from '../challenges/criteria-table';
import type { Question } from '../challenges/qa-thread';
import type { RankedSubmission } from '../challenges/results-table';

/** Sample data shaped like the hub's GraphQL results, for stories and their tests. */
export const criteria: Criterion[] = [
  { key: 'impact', name: 'Public impact', description: 'How many residents benefit, and how much.', weight: 40 },
  {
    key: 'feasibility',
    name: 'Feasibility',
    description: 'Can the team deliver it with the data and budget available?',
    weight: 35,
  },
  {
    key: 'openness',
    name: 'Openness',
    description: 'Open standards, open source, reusable by other agencies.',
    weight: 25,
  },
];

export const criteriaKo: Criterion[] = [
  { key: 'impact', name: '공공 효과', description: '얼마나 많은 주민이 얼마나 큰 혜택을 받는지 봅니다.', weight: 40 },
  {
    key: 'feasibility',
    name: '실현 가능성',
    description: '주어진 데이터와 예산으로 팀이 실제로 구현할 수 있는지 봅니다.',
    weight: 35,
  },
  {
    key: 'openness',
    name: '개방성',
    description: '개방형 표준과 오픈소스를 쓰고, 다른 기관이 다시 쓸 수 있는지 봅니다.',
    weight: 25,
  },
];

export const challenge: ChallengeSummary = {
  id: 'Q2hhbGxlbmdlOjE=',
  title: 'Find shelters faster during heat waves',
  summary: 'Help residents find the nearest open cooling shelter, with opening hours and accessibility, on any phone.',
  status: 'OPEN',
  type: 'PROTOTYPE',
  tags: ['climate', 'maps', 'accessibility'],
  agency: { name: 'Ministry of the Interior and Safety' },
  submissionDeadline: '2026-12-15T09:00:00.000Z',
  prize: { amount: 30000000, currency: 'KRW', kind: 'PRIZE', description: 'Split between up to three winners.' },
};

export const challengeKo: ChallengeSummary = {
  id: 'Q2hhbGxlbmdlOjI=',
  title: '폭염 때 가까운 무더위쉼터를 더 빨리 찾는 방법',
  summary:
    '주민 누구나 휴대전화로 가장 가까운 무더위쉼터의 운영 시간과 장애인 접근성 정보를 바로 확인할 수 있도록 도와주세요. 고령층과 외국인 주민도 쉽게 쓸 수 있어야 합니다.',
  status: 'OPEN',
  type: 'PROOF_OF_CONCEPT',
  tags: ['기후위기', '지도', '접근성', '고령층'],
  agency: { name: '행정안전부 재난안전관리본부 기후재난대응과' },
  submissionDeadline: '2026-12-15T09:00:00.000Z',
  prize: { amount: 50000000, currency: 'KRW', kind: 'CONTRACT', description: '시범 운영 계약 (6개월)' },
};

export const longEnglish: ChallengeSummary = {
  ...challenge,
  id: 'Q2hhbGxlbmdlOjM=',
  title:
    'A very long challenge title that keeps going to check wrapping: interoperable, privacy-preserving eligibility checks for the national childcare subsidy across seventeen metropolitan and provincial governments',
  summary:
    'Agencies re-check the same documents again and again. Propose a way for a resident to prove eligibility once, with their consent, so that every agency can rely on it — including people without a smartphone, people with disabilities and residents who do not read Korean. Identifiers like https://data.example.go.kr/datasets/childcare-subsidy-eligibility-2026-v2 must wrap too.',
  tags: ['identity', 'consent', 'interoperability', 'childcare', 'a-very-long-tag-without-any-spaces-at-all'],
  agency: {
    name: 'Ministry of Health and Welfare, Bureau of Population and Childcare Policy, Childcare Subsidy Division',
  },
};

export const challenges: ChallengeSummary[] = [
  challenge,
  {
    ...challenge,
    id: 'Q2hhbGxlbmdlOjQ=',
    title: 'Plain-language permit letters',
    summary: 'Rewrite building permit letters so residents understand what to do next.',
    status: 'EVALUATING',
    type: 'IDEA',
    tags: ['plain language'],
    prize: null,
  },
  {
    ...challenge,
    id: 'Q2hhbGxlbmdlOjU=',
    title: 'Bus stop accessibility survey',
    summary: 'Collect and publish accessibility data for every bus stop.',
    status: 'AWARDED',
    type: 'PRODUCTION_SERVICE',
    tags: ['transport', 'open data'],
  },
];

export const questions: Question[] = [
  {
    id: 'UXVlc3Rpb246MQ==',
    question: 'May we use the shelter dataset for a mobile app published under an open-source licence?',
    answer: 'Yes. The dataset is public (KOGL Type 1); credit the source in the app.',
    askedAt: '2026-11-02T01:00:00.000Z',
    answeredAt: '2026-11-03T05:30:00.000Z',
    askedBy: { name: 'Hanbit Labs' },
  },
  {
    id: 'UXVlc3Rpb246Mg==',
    question: 'Is a web app enough, or must we ship native apps?',
    answer: null,
    askedAt: '2026-11-05T08:15:00.000Z',
    answeredAt: null,
    askedBy: { name: 'Seoul Civic Tech Co.' },
  },
];

export const questionsKo: Question[] = [
  {
    id: 'UXVlc3Rpb246Mw==',
    question: '무더위쉼터 데이터를 오픈소스로 공개하는 모바일 앱에 써도 되나요? 출처 표시는 어떻게 해야 하나요?',
    answer: '네, 됩니다. 공공누리 제1유형이므로 앱 안에 출처(행정안전부)를 표시해 주세요.',
    askedAt: '2026-11-02T01:00:00.000Z',
    answeredAt: '2026-11-03T05:30:00.000Z',
    askedBy: { name: '주식회사 한빛연구소' },
  },
  {
    id: 'UXVlc3Rpb246NA==',
    question: '웹 앱만 제출해도 되나요, 아니면 안드로이드와 iOS 앱이 모두 있어야 하나요?',
    answer: null,
    askedAt: '2026-11-05T08:15:00.000Z',
    answeredAt: null,
    askedBy: { name: '서울시민기술협동조합' },
  },
];

export const results: RankedSubmission[] = [
  {
    rank: 1,
    weightedScore: 86.5,
    winner: true,
    reviewCount: 3,
    criterionAverages: [
      { criterionKey: 'impact', average: 9 },
      { criterionKey: 'feasibility', average: 8.3 },
      { criterionKey: 'openness', average: 8.5 },
    ],
    publicComments: ['Clear plan, tested with residents over 70.'],
    submission: { id: 'U3VibWlzc2lvbjox', title: 'CoolMap', organization: { name: 'Hanbit Labs' } },
  },
  {
    rank: 2,
    weightedScore: 71.2,
    winner: false,
    reviewCount: 3,
    criterionAverages: [
      { criterionKey: 'impact', average: 7 },
      { criterionKey: 'feasibility', average: 7.7 },
      { criterionKey: 'openness', average: 6.5 },
    ],
    submission: { id: 'U3VibWlzc2lvbjoy', title: 'ShadeFinder', organization: { name: 'Seoul Civic Tech Co.' } },
  },
  {
    rank: 3,
    weightedScore: null,
    winner: false,
    reviewCount: 0,
    criterionAverages: [],
    submission: { id: 'U3VibWlzc2lvbjoz', title: 'Late entry', organization: { name: 'Busan Startups' } },
  },
];

const problemStatement = `## Background

Every summer, heat waves send thousands of residents to hospital. Cooling shelters exist in every district, but residents do not know where the nearest open one is.

## What we need

- A map and a list of open shelters near the resident
- Opening hours, accessibility and capacity
- Works on old phones and with screen readers`;

export const challengeDetail: ChallengeDetail = {
  ...challenge,
  problemStatement,
  terms:
    'Winners grant the ministry a non-exclusive, royalty-free licence to operate the solution.\n\nThe code stays yours.',
  criteria,
  publishedAt: '2026-11-01T00:00:00.000Z',
  evaluationEnd: '2027-01-15T09:00:00.000Z',
  phases: [],
  currentPhase: 0,
  eligibility: { minTeamSize: 1, maxTeamSize: 10, organizationKinds: ['COMPANY'] },
  dataConnections: [
    {
      id: 'RGF0YUNvbm5lY3Rpb246MQ==',
      name: 'Cooling shelters',
      classification: 'PUBLIC',
      agency: { name: 'Ministry of the Interior and Safety' },
    },
    { id: 'RGF0YUNvbm5lY3Rpb246Mg==', name: 'Heat-related emergency calls', classification: 'RESTRICTED' },
  ],
  services: [
    {
      id: 'U2VydmljZTphZGRyZXNz',
      key: 'address',
      name: 'Address lookup',
      status: 'ACTIVE',
      description: 'Road-name addresses to coordinates.',
    },
  ],
  questions,
};

export const awardedDetail: ChallengeDetail = {
  ...challengeDetail,
  status: 'AWARDED',
  closedAt: '2026-12-15T09:00:00.000Z',
  awardedAt: '2027-01-20T02:00:00.000Z',
  awardNote: 'Thank you to the 14 teams who took part. CoolMap goes live as a pilot in March.',
  results,
};

export const challengeDetailKo: ChallengeDetail = {
  ...challengeKo,
  problemStatement: `## 배경

해마다 폭염으로 수천 명의 주민이 병원을 찾습니다. 모든 자치구에 무더위쉼터가 있지만, 주민들은 지금 문을 연 가장 가까운 쉼터가 어디인지 모릅니다.

## 필요한 것

- 주민 주변의 운영 중인 쉼터 지도와 목록
- 운영 시간, 장애인 접근성, 수용 인원
- 오래된 휴대전화와 화면 낭독기에서도 동작`,
  terms:
    '수상자는 행정안전부에 해결책을 운영할 수 있는 비독점적·무상 이용권을 부여합니다.\n\n코드의 저작권은 제출자에게 남습니다.',
  criteria: criteriaKo,
  publishedAt: '2026-11-01T00:00:00.000Z',
  evaluationEnd: '2027-03-31T09:00:00.000Z',
  phases: [{ name: '2차 시범 구현', submissionDeadline: '2027-02-28T09:00:00.000Z' }],
  currentPhase: 0,
  eligibility: { minTeamSize: 2, maxTeamSize: null, organizationKinds: ['COMPANY', 'AGENCY'] },
  dataConnections: [
    {
      id: 'RGF0YUNvbm5lY3Rpb246Mw==',
      name: '전국 무더위쉼터 표준데이터',
      classification: 'PUBLIC',
      agency: { name: '행정안전부' },
    },
  ],
  services: [],
  questions: questionsKo,
};
