// The bench challenges: 30 agencies three levels deep and challenges drawn from a
// fixed seed, shared by the challenge listing and the peer benchmarks.
import { newId } from '@maru/core';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

// A fixed seed, so every run and every engine holds the same challenges.
// mulberry32: a plain LCG correlates successive draws (agency with creation date here).
let seed = 0x2f6e2b1;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const STATUS_SHARES = [
  ['DRAFT', 0.1],
  ['OPEN', 0.3],
  ['CLOSED', 0.15],
  ['EVALUATING', 0.1],
  ['AWARDED', 0.25],
  ['CANCELLED', 0.1],
];
const TAGS = [
  'ai',
  'open-data',
  'mobility',
  'health',
  'welfare',
  'climate',
  'energy',
  'water',
  'safety',
  'tax',
  'education',
  'culture',
  'tourism',
  'agriculture',
  'fisheries',
  'housing',
  'labour',
  'defence',
  'statistics',
  'maps',
  'weather',
  'transport',
  'smart-city',
  'accessibility',
  'translation',
  'chatbot',
  'ocr',
  'identity',
  'payments',
  'procurement',
];
const TYPES = ['IDEA', 'PROOF_OF_CONCEPT', 'PROTOTYPE', 'PRODUCTION_SERVICE'];

/** 3 ministries, each with 3 agencies, each with 2 offices: 30 agencies, paths 1 to 3 deep. */
export function agencyTree() {
  const at = new Date(NOW - 400 * DAY).toISOString();
  const orgs = [];
  const add = (name, parent) => {
    const org = {
      _id: newId(),
      kind: 'AGENCY',
      name,
      slug: `bench-${orgs.length}`,
      description: '',
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    orgs.push(org);
    return org;
  };
  for (let m = 0; m < 3; m++) {
    const ministry = add(`Ministry ${m + 1}`, null);
    for (let a = 0; a < 3; a++) {
      const agency = add(`Agency ${m + 1}.${a + 1}`, ministry);
      for (let o = 0; o < 2; o++) add(`Office ${m + 1}.${a + 1}.${o + 1}`, agency);
    }
  }
  return orgs;
}

export function challenge(i, agencies) {
  let r = random();
  const status = STATUS_SHARES.find(([, share]) => (r -= share) < 0)?.[0] ?? 'OPEN';
  const agency = pick(agencies);
  const createdAt = NOW - Math.floor(random() * 365 * DAY);
  // Deadlines over a year: open challenges close in the coming months, the others closed in the past one.
  const deadline =
    status === 'OPEN' || status === 'DRAFT'
      ? NOW + Math.floor((0.05 + random() * 0.95) * 180 * DAY)
      : createdAt + Math.floor((0.1 + random() * 0.9) * 180 * DAY);
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(TAGS)))];
  const title = `Challenge ${i}: ${tags.join(', ')} for ${agency.name}`;
  const summary = `A ${tags[0]} problem of ${agency.name} that a company could solve with public data.`;
  const iso = (t) => new Date(t).toISOString();
  const published = status !== 'DRAFT';
  return {
    _id: newId(),
    agencyId: agency._id,
    agencyPath: [...agency.ancestorIds, agency._id],
    title,
    summary,
    problemStatement: `## Problem\n\n${summary}\n\n## Data\n\nSee the attached data connections.`.repeat(3),
    tags,
    type: pick(TYPES),
    dataConnectionIds: [],
    serviceIds: [],
    criteria: [
      { key: 'feasibility', name: 'Feasibility', description: '', weight: 40 },
      { key: 'impact', name: 'Impact', description: '', weight: 40 },
      { key: 'cost', name: 'Cost', description: '', weight: 20 },
    ],
    prize:
      random() < 0.7
        ? { kind: 'PRIZE', amount: 1_000_000 * (1 + Math.floor(random() * 50)), currency: 'KRW', description: '' }
        : null,
    eligibility: { organizationKinds: ['COMPANY'], minTeamSize: 1, maxTeamSize: null },
    terms: 'Apache-2.0 for code; the agency keeps a licence to use the result.',
    submissionDeadline: iso(deadline),
    evaluationEnd: iso(deadline + 30 * DAY),
    phases: [],
    currentPhase: 0,
    status,
    cancelReason: status === 'CANCELLED' ? 'Budget withdrawn.' : null,
    reviewerIds: [],
    searchText: `${title}\n${summary}\n${tags.join(' ')}`.toLowerCase(),
    createdById: 'bench',
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt),
    publishedAt: published ? iso(createdAt + DAY) : null,
    closedAt: ['CLOSED', 'EVALUATING', 'AWARDED'].includes(status) ? iso(deadline) : null,
    awardedAt: status === 'AWARDED' ? iso(deadline + 40 * DAY) : null,
    awardNote: null,
    winnerSubmissionIds: [],
    version: 1,
  };
}
