import { seedViewer } from './seed-viewer.js';
import type { ChallengeStatus, HubServices, Member } from '@maru/core';

interface Topic {
  title: string;
  summary: string;
  tags: string[];
  type: 'IDEA' | 'PROOF_OF_CONCEPT' | 'PROTOTYPE' | 'PRODUCTION_SERVICE';
  /** Slugs of the demo datasets the topic's first challenge bears on. */
  data?: string[];
}

/** Ten public problems, in Korean and English, that the demo challenges are made from. */
const TOPICS: Topic[] = [
  {
    title: '재난 대피소 안내 서비스 — Nearest disaster shelter',
    summary: 'Tell every resident the nearest open shelter during a typhoon, in their language.',
    tags: ['safety', '재난', 'address'],
    type: 'PROTOTYPE',
  },
  {
    title: 'One-stop moving-in: submit your address once',
    summary: '전입신고 한 번으로 건강보험, 자동차, 학교 주소를 모두 바꿉니다.',
    tags: ['one-stop', 'address', '전입'],
    type: 'PRODUCTION_SERVICE',
  },
  {
    title: '공공데이터 품질 자동 점검 — Open data quality checks',
    summary: 'Find broken, stale and inconsistent datasets before citizens do.',
    tags: ['open-data', '데이터품질'],
    type: 'PROOF_OF_CONCEPT',
  },
  {
    title: 'Eligibility checks for youth housing support',
    summary: '청년 주거 지원 자격을 서류 없이 바로 확인합니다.',
    tags: ['eligibility', 'housing', '청년'],
    type: 'PROTOTYPE',
    data: ['youth-housing-benefits'],
  },
  {
    title: '민원 답변 초안 생성 AI — Drafting replies to petitions',
    summary: 'Help civil servants answer petitions faster, with sources cited.',
    tags: ['ai', '민원'],
    type: 'IDEA',
  },
  {
    title: 'Accessible notices for the visually impaired',
    summary: '시각장애인을 위한 음성·점자 고지서 서비스.',
    tags: ['accessibility', 'notifications'],
    type: 'PROTOTYPE',
  },
  {
    title: '소상공인 정책자금 매칭 — Matching small-business funds',
    summary: 'Match each small business with the policy funds it qualifies for.',
    tags: ['eligibility', 'business', '소상공인'],
    type: 'PROOF_OF_CONCEPT',
    data: ['business-registrations', 'small-business-subsidies'],
  },
  {
    title: 'Digital identity for foreign residents',
    summary: '외국인 주민도 모바일 신분증으로 공공서비스를 이용합니다.',
    tags: ['identity', 'foreign-residents'],
    type: 'PRODUCTION_SERVICE',
  },
  {
    title: '실시간 대중교통 혼잡도 — Live transit crowding',
    summary: 'Predict crowding on buses and trains from open data.',
    tags: ['mobility', 'open-data', '교통'],
    type: 'PROTOTYPE',
    data: ['bus-stops'],
  },
  {
    title: 'Paperless certificates for job seekers',
    summary: '구직자의 각종 증명서를 종이 없이 제출합니다.',
    tags: ['documents', 'one-stop', '증명서'],
    type: 'IDEA',
  },
];

const REGIONS = ['서울 Seoul', '부산 Busan', '세종 Sejong', '대구 Daegu', '광주 Gwangju', '제주 Jeju'];

const STATES: ChallengeStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'];
const PER_STATE = 5;

/**
 * Seeds five challenges in every state — from two agencies, with questions,
 * submissions, panels, reviews and awards — through the same services the
 * API uses, so every rule applies. Idempotent: a challenge whose title exists
 * is skipped. The first challenge of a topic with data is linked to the demo
 * data connections in `dataConnectionIds` (raw ids by dataset slug).
 */
export async function seedDemoChallenges(
  services: HubServices,
  dataConnectionIds: Record<string, string> = {},
): Promise<number> {
  const member = async (email: string) => (await services.members.byEmail(email))!;
  const managers = [await member('manager@mois.example'), await member('manager@msit.example')];
  const reviewers = [await member('reviewer@mois.example'), await member('manager@msit.example')];
  const companies = [await member('admin@hanbit.example'), await member('admin@sejong-civic.example')];
  const day = 86_400_000;
  let created = 0;
  const titleOf = (index: number) => {
    const topic = TOPICS[index % TOPICS.length]!;
    return index < TOPICS.length
      ? topic.title
      : `${topic.title} · ${REGIONS[index % REGIONS.length]} ${Math.floor(index / TOPICS.length) + 1}`;
  };
  // One query for all of them: titles are not indexed, and a hub with many challenges would scan them once per title.
  const titles = Array.from({ length: STATES.length * PER_STATE }, (_, i) => titleOf(i));
  const existing = await services.challenges.titlesTaken(titles);

  for (const [s, state] of STATES.entries()) {
    for (let n = 0; n < PER_STATE; n++) {
      const topic = TOPICS[(s * PER_STATE + n) % TOPICS.length]!;
      const index = PER_STATE * s + n;
      const title = titleOf(index);
      if (existing.has(title)) continue;
      const manager = managers[(s + n) % 2]!;
      const agencyViewer = await seedViewer(services, manager);
      const deadline = new Date(Date.now() + (10 + s * 7 + n) * day).toISOString();
      let challenge = await services.challenges.create(agencyViewer, manager.organizationId, {
        title,
        summary: topic.summary,
        problemStatement: `## 문제 Problem\n\n${topic.summary}\n\n## 기대 결과 Expected outcome\n\nA working ${topic.type.toLowerCase().replaceAll('_', ' ')} that agencies can subscribe to as a shared service.`,
        tags: topic.tags,
        type: topic.type,
        dataConnectionIds:
          index < TOPICS.length
            ? (topic.data ?? []).flatMap((slug) => (dataConnectionIds[slug] ? [dataConnectionIds[slug]] : []))
            : [],
        criteria: [
          {
            key: 'impact',
            name: '공공 효과 Public impact',
            description: 'How many people it helps, and how much.',
            weight: 40,
          },
          {
            key: 'feasibility',
            name: '실현 가능성 Feasibility',
            description: 'Can it run in production within a year?',
            weight: 35,
          },
          {
            key: 'openness',
            name: '개방성 Openness',
            description: 'Open standards, reusable by other agencies.',
            weight: 25,
          },
        ],
        prize: {
          kind: n % 2 ? 'CONTRACT' : 'PRIZE',
          amount: 10_000_000 * (n + 1),
          currency: 'KRW',
          description: n % 2 ? 'A one-year pilot contract.' : 'Prize money for the winner.',
        },
        terms:
          'The government receives a non-exclusive, royalty-free licence to operate the winning solution. 정부는 수상작을 운영할 수 있는 비독점적 이용권을 가집니다.',
        submissionDeadline: deadline,
        evaluationEnd: new Date(Date.parse(deadline) + 30 * day).toISOString(),
      });
      created++;
      if (state === 'DRAFT') continue;
      challenge = await services.challenges.transition(agencyViewer, challenge._id, 'publish');
      if (state === 'CANCELLED') {
        await services.challenges.transition(
          agencyViewer,
          challenge._id,
          'cancel',
          '예산이 조정되어 취소합니다. Cancelled after a budget change.',
        );
        continue;
      }
      const companyViewers = await Promise.all(companies.map((c) => seedViewer(services, c)));
      const question = await services.questions.ask(companyViewers[n % 2]!, challenge._id, {
        question: '기존 공공 API를 써도 되나요? May we use existing public APIs?',
      });
      await services.questions.answer(agencyViewer, question._id, {
        answer: '네, 출처를 밝혀 주세요. Yes — please cite them.',
      });
      await services.questions.ask(companyViewers[(n + 1) % 2]!, challenge._id, {
        question: 'Is a mobile-only solution eligible?',
      });
      await services.challenges.postAnnouncement(agencyViewer, challenge._id, {
        title: '설명회 안내 Info session',
        body: 'An online info session is held next Tuesday at 14:00 KST.',
      });
      const submissions = [];
      for (const [c, viewer] of companyViewers.entries()) {
        const draft = await services.submissions.create(viewer, challenge._id, {
          title: c === 0 ? 'Hanbit Locator' : 'Sejong Civic Connect',
          summary:
            c === 0
              ? '주소 기반 위치 서비스 Address-based location service'
              : '알림과 본인확인을 묶은 서비스 Notifications with identity checks',
          proposal: `### Approach\n\nWe build on open standards and publish the service as a Maru plugin.\n\n### 일정 Timeline\n\n12 weeks.`,
          pluginPackage: c === 0 ? { name: '@hanbit/maru-locator', version: '1.2.0' } : null,
          teamSize: 3 + c,
        });
        submissions.push(await services.submissions.submit(viewer, draft._id, true));
      }
      await services.challenges.assignReviewers(
        agencyViewer,
        challenge._id,
        reviewers.map((r) => r._id),
      );
      if (state === 'OPEN') continue;
      await services.challenges.transition(agencyViewer, challenge._id, 'close');
      if (state === 'CLOSED') continue;
      await services.challenges.transition(agencyViewer, challenge._id, 'startEvaluation');
      for (const [r, reviewer] of reviewers.entries()) {
        const reviewerViewer = await seedViewer(services, reviewer);
        // Neither reviewer's organization competes (they are agencies; the entrants are companies): each declares so
        // before scoring, as the rule asks. Open and closed challenges are left undeclared, for the portal to ask.
        await services.reviews.declareNoConflict(reviewerViewer, challenge._id, {
          statement: '응모 기관과 이해관계가 없습니다. I have no tie to any entrant.',
        });
        for (const [i, submission] of submissions.entries()) {
          await services.reviews.score(reviewerViewer, submission._id, {
            scores: [
              { criterionKey: 'impact', score: 9 - i * 2 - r, comment: 'Clear public value.' },
              { criterionKey: 'feasibility', score: 7 + r - i, comment: 'Plausible plan.' },
              { criterionKey: 'openness', score: 8 - i, comment: 'Uses open standards.' },
            ],
            publicComment:
              i === 0 ? '시민 관점이 돋보입니다. Strong citizen focus.' : 'Good idea; the plan needs more detail.',
          });
        }
      }
      if (state === 'EVALUATING') continue;
      await services.reviews.award(agencyViewer, challenge._id, {
        winners: [{ submissionId: submissions[0]!._id, note: '축하합니다! Goes to pilot as a shared service.' }],
        note: 'Thank you to every team.',
      });
    }
  }
  return created;
}
