import type { HubServices, Member, Submission } from '@maru/core';
import {
  DEMO_CANCEL_REASON,
  DEMO_CRITERIA,
  DEMO_CRITERION_COMMENTS,
  DEMO_PUBLIC_COMMENTS,
  DEMO_QUESTIONS,
  DEMO_STORIES,
  type DemoCompany,
  type DemoStory,
} from './demo-challenge-stories.js';
import type { DemoClock } from './demo-clock.js';
import { seedViewer } from './seed-viewer.js';

const HOUR = 1 / 24;

/** The Seoul date of an instant, as a Korean notice writes it: "12월 9일(화)". */
function seoulDate(ms: number): string {
  const parts = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}월 ${part('day')}일(${part('weekday')})`;
}

/** The day of the week in Seoul, 0 for Sunday. */
const seoulWeekday = (ms: number) => new Date(ms + 9 * 3_600_000).getUTCDay();

/**
 * Seeds the demo challenges of {@link DEMO_STORIES} — from two agencies, with questions, announcements, entries,
 * panels, reviews and awards — through the same services the API uses, so every rule applies. Each story's history
 * is walked in order with `clock` standing at each step, relative to now: dates agree with states. Idempotent: a
 * challenge whose title exists is skipped. Stories with data are linked to the demo connections in
 * `dataConnectionIds` (raw ids by dataset slug).
 */
export async function seedDemoChallenges(
  services: HubServices,
  clock: DemoClock,
  dataConnectionIds: Record<string, string> = {},
): Promise<number> {
  const member = async (email: string) => (await services.members.byEmail(email))!;
  const managers = { mois: await member('manager@mois.example'), msit: await member('manager@msit.example') };
  const panel = [await member('reviewer@mois.example'), await member('manager@msit.example')];
  const companies: Record<DemoCompany, Member> = {
    'hanbit-data': await member('admin@hanbit.example'),
    'sejong-civic-tech': await member('admin@sejong-civic.example'),
  };
  // One query for all of them: titles are not indexed, and a hub with many challenges would scan them once per title.
  const existing = await services.challenges.titlesTaken(DEMO_STORIES.map((story) => story.title));
  const stories = DEMO_STORIES.filter((story) => !existing.has(story.title));
  await clock.history(async (at, start) => {
    for (const [index, story] of stories.entries())
      await seedStory(services, {
        at,
        start,
        index,
        story,
        manager: managers[story.agency],
        panel,
        companies,
        ids: dataConnectionIds,
      });
  });
  return stories.length;
}

interface StoryContext {
  at: (days: number) => void;
  start: number;
  index: number;
  story: DemoStory;
  manager: Member;
  panel: Member[];
  companies: Record<DemoCompany, Member>;
  ids: Record<string, string>;
}

async function seedStory(services: HubServices, c: StoryContext): Promise<void> {
  const { at, story } = c;
  const day = 86_400_000;
  const agency = await seedViewer(services, c.manager);
  // A moment between publication and the deadline (or now, if that comes first): 0 is published, 1 the end.
  const during = (fraction: number) => story.published + fraction * (Math.min(story.deadline, 0) - story.published);
  at(story.published);
  let challenge = await services.challenges.create(agency, c.manager.organizationId, {
    title: story.title,
    summary: story.summary,
    problemStatement: story.problem,
    tags: story.tags,
    type: story.type,
    dataConnectionIds: (story.data ?? []).flatMap((slug) => (c.ids[slug] ? [c.ids[slug]] : [])),
    criteria: DEMO_CRITERIA,
    prize: story.prize ? { ...story.prize, currency: 'KRW' } : null,
    terms: '정부는 수상작을 운영할 수 있는 비독점적 이용권을 가집니다. 저작권은 제안한 회사에 남습니다.',
    submissionDeadline: new Date(c.start + story.deadline * day).toISOString(),
    // The review ends a day before the award is announced; otherwise a month after the deadline.
    evaluationEnd: new Date(c.start + (story.awarded ? story.awarded - 1 : story.deadline + 30) * day).toISOString(),
  });
  if (story.state === 'DRAFT') return;
  at(story.published + HOUR);
  challenge = await services.challenges.transition(agency, challenge._id, 'publish');
  at(during(0.1));
  // The info session: the first Tuesday at least three days after publication.
  let session = c.start + (story.published + 3) * day;
  while (seoulWeekday(session) !== 2) session += day;
  await services.challenges.postAnnouncement(agency, challenge._id, {
    title: '온라인 설명회 안내',
    body: `${seoulDate(session)} 오후 2시에 온라인 설명회를 엽니다. 참가 신청 없이 누구나 들을 수 있습니다.`,
  });

  const viewers = new Map<DemoCompany, never>();
  const viewerOf = async (company: DemoCompany) => {
    if (!viewers.has(company)) viewers.set(company, await seedViewer(services, c.companies[company]));
    return viewers.get(company)!;
  };
  const entries = story.entries ?? [];
  const askers: DemoCompany[] = entries.length
    ? entries.map((e) => e.company)
    : [c.index % 2 ? 'hanbit-data' : 'sejong-civic-tech'];
  for (let q = 0; q < 2; q++) {
    const { question, answer } = DEMO_QUESTIONS[(c.index * 2 + q) % DEMO_QUESTIONS.length]!;
    at(during(0.2 + q * 0.3));
    const asked = await services.questions.ask(await viewerOf(askers[q % askers.length]!), challenge._id, { question });
    // An open challenge keeps its latest question waiting: the agency's next task.
    if (story.state === 'OPEN' && q === 1) continue;
    at(during(0.3 + q * 0.3));
    await services.questions.answer(agency, asked._id, { answer });
  }
  if (story.state === 'CANCELLED') {
    at(story.cancelled!);
    await services.challenges.transition(agency, challenge._id, 'cancel', DEMO_CANCEL_REASON);
    return;
  }
  at(during(0.4));
  await services.challenges.assignReviewers(
    agency,
    challenge._id,
    c.panel.map((r) => r._id),
  );

  const submitted: Array<{ submission: Submission; company: DemoCompany }> = [];
  for (const [i, entry] of entries.entries()) {
    const viewer = await viewerOf(entry.company);
    at(during(0.5 + i * 0.1));
    const draft = await services.submissions.create(viewer, challenge._id, {
      title: entry.title,
      summary: entry.summary,
      proposal: `### 접근 방법\n\n${entry.summary}. 표준 API로 만들고 Maru 플러그인으로 배포해 다른 기관도 공유 서비스로 쓸 수 있게 합니다.\n\n### 일정\n\n12주: 설계 3주, 개발 6주, 시범 운영 3주.`,
      pluginPackage: entry.company === 'hanbit-data' ? { name: '@hanbit/maru-locator', version: '1.2.0' } : null,
      teamSize: 3 + i,
    });
    if (entry.state === 'DRAFT') continue;
    at(during(0.7 + i * 0.1));
    const sent = await services.submissions.submit(viewer, draft._id, true);
    if (entry.state === 'WITHDRAWN') {
      at(during(0.95));
      await services.submissions.withdraw(viewer, sent._id);
      continue;
    }
    submitted.push({ submission: sent, company: entry.company });
  }
  if (story.state === 'OPEN') return;

  // Closed at the deadline, as the scheduler would (its job would add an audit event, stamped now, for each).
  at(story.deadline);
  await services.challenges.transition(agency, challenge._id, 'close');
  if (story.state === 'CLOSED') return;
  at(story.deadline + 1);
  await services.challenges.transition(agency, challenge._id, 'startEvaluation');
  const scorers = story.state === 'EVALUATING' ? c.panel.slice(0, story.scoredBy ?? 2) : c.panel;
  for (const [r, reviewer] of scorers.entries()) {
    const viewer = await seedViewer(services, reviewer);
    at(story.deadline + 2 + r * 2);
    await services.reviews.declareNoConflict(viewer, challenge._id, {
      statement: '응모한 회사와 이해관계가 없습니다.',
    });
    for (const [i, { submission, company }] of submitted.entries()) {
      // The winners score best; until an award, the first entry does.
      const strong = story.winners ? story.winners.includes(company) : i === 0;
      const base = strong ? 9 : 6;
      at(story.deadline + 2 + r * 2 + (i + 1) * HOUR);
      await services.reviews.score(viewer, submission._id, {
        scores: DEMO_CRITERIA.map((criterion, k) => ({
          criterionKey: criterion.key,
          score: Math.min(10, base - ((r + k) % 2) - (i % 2)),
          comment: DEMO_CRITERION_COMMENTS[criterion.key]![strong ? 0 : 1][r],
        })),
        publicComment: DEMO_PUBLIC_COMMENTS[r]![strong ? 0 : 1]![(c.index + i) % 2],
      });
    }
  }
  if (story.state === 'EVALUATING') return;
  at(story.awarded!);
  await services.reviews.award(agency, challenge._id, {
    winners: submitted
      .filter((s) => story.winners!.includes(s.company))
      .map((s) => ({ submissionId: s.submission._id, note: '축하합니다. 시범 서비스로 이어집니다.' })),
    note: '응모해 주신 모든 회사에 감사드립니다.',
  });
}
