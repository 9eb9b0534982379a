import type { Challenge, ParticipationCounts } from '../challenges/index.js';
import { ENTERED_STATUSES } from '../challenges/index.js';
import type { Organization } from '../identity/index.js';
import { addStatus, statusList, weekOf } from './figures.js';
import type { BandParticipation, Participation, RegionParticipation } from './model.js';

const entered = new Set<unknown>(ENTERED_STATUSES);

export interface ParticipationLookups {
  challenges(ids: readonly string[]): Promise<Challenge[]>;
  organizations(ids: readonly string[]): Promise<Organization[]>;
}

/**
 * Folds the store's group counts into the figures people read. Only the groups are touched here: the challenges
 * and organizations looked up are the ones with entries (their titles, size bands and regions).
 */
export async function participationOf(
  counts: ParticipationCounts,
  lookups: ParticipationLookups,
  topChallenges: number,
): Promise<Participation> {
  const perChallenge = new Map<string, Map<string, number>>();
  for (const { key, count } of counts.byChallengeStatus) {
    const statuses = perChallenge.get(String(key[0])) ?? new Map<string, number>();
    addStatus(statuses, key[1], count);
    perChallenge.set(String(key[0]), statuses);
  }
  // The most entered challenges only: their titles are the one thing read document by document.
  const challenges = [...perChallenge]
    .map(([challengeId, statuses]) => ({
      challengeId,
      title: '',
      entries: [...statuses].reduce((sum, [status, n]) => sum + (entered.has(status) ? n : 0), 0),
      byStatus: statusList(statuses),
    }))
    .sort((a, b) => b.entries - a.entries || a.challengeId.localeCompare(b.challengeId))
    .slice(0, topChallenges);
  const titles = new Map((await lookups.challenges(challenges.map((c) => c.challengeId))).map((c) => [c._id, c.title]));
  for (const challenge of challenges) challenge.title = titles.get(challenge.challengeId) ?? '';

  const phases = new Map<number, { phase: number; entries: number; drafts: number }>();
  for (const { key, count } of counts.byPhaseStatus) {
    const phase = Number(key[0] ?? 0);
    const row = phases.get(phase) ?? { phase, entries: 0, drafts: 0 };
    if (entered.has(key[1])) row.entries += count;
    else if (key[1] === 'DRAFT') row.drafts += count;
    phases.set(phase, row);
  }

  const weeks = new Map<string, Map<string, number>>();
  for (const { key, count } of counts.byDayStatus) {
    if (typeof key[0] !== 'string') continue;
    const week = weekOf(key[0]);
    const statuses = weeks.get(week) ?? new Map<string, number>();
    addStatus(statuses, key[1], count);
    weeks.set(week, statuses);
  }

  const orgs = new Map(
    (await lookups.organizations(counts.byOrganization.map((g) => String(g.key[0])))).map((o) => [o._id, o]),
  );
  const bands = new Map<string | null, BandParticipation>();
  const regions = new Map<string | null, RegionParticipation>();
  for (const { key, count } of counts.byOrganization) {
    const org = orgs.get(String(key[0]));
    const band = org?.sizeBand ?? null;
    const region = org?.region ?? null;
    const b = bands.get(band) ?? { sizeBand: band, entries: 0, organizations: 0 };
    b.entries += count;
    b.organizations += 1;
    bands.set(band, b);
    const r = regions.get(region) ?? { region, entries: 0, organizations: 0 };
    r.entries += count;
    r.organizations += 1;
    regions.set(region, r);
  }

  return {
    challenges,
    phases: [...phases.values()].sort((a, b) => a.phase - b.phase),
    weeks: [...weeks]
      .map(([week, statuses]) => ({
        week,
        submitted: [...statuses.values()].reduce((a, b) => a + b, 0),
        byStatus: statusList(statuses),
      }))
      .sort((a, b) => a.week.localeCompare(b.week)),
    sizeBands: [...bands.values()].sort((a, b) => b.entries - a.entries),
    regions: [...regions.values()].sort((a, b) => b.entries - a.entries),
  };
}
