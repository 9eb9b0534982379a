import type { OrganizationKind, OrganizationProfile, Role } from '@maru/core';

export interface DemoOrganization {
  slug: string;
  kind: OrganizationKind;
  name: string;
  description: string;
  parent?: string;
  /** Size band, region and KSIC section: what the insights dashboards group entries by. */
  profile?: Partial<OrganizationProfile>;
}

export interface DemoMember {
  email: string;
  name: string;
  organization: string;
  roles: Role[];
}

/** The demo organization chart, modelled on Korea's Digital Platform Government. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { slug: 'maru-platform', kind: 'PLATFORM', name: 'Maru Platform', description: 'Runs the hub.' },
  {
    slug: 'mois',
    kind: 'AGENCY',
    name: 'Ministry of the Interior and Safety (행정안전부)',
    description: 'Leads the Digital Platform Government.',
    profile: { region: 'SEJONG', industry: 'O' },
  },
  {
    slug: 'mois-digital-government',
    kind: 'AGENCY',
    name: 'Digital Government Bureau (디지털정부국)',
    description: 'Shared services and one-stop public services.',
    parent: 'mois',
  },
  {
    slug: 'mois-public-data',
    kind: 'AGENCY',
    name: 'Public Data Division (공공데이터정책과)',
    description: 'Opens and connects agency data.',
    parent: 'mois-digital-government',
  },
  {
    slug: 'msit',
    kind: 'AGENCY',
    name: 'Ministry of Science and ICT (과학기술정보통신부)',
    description: 'Digital industry and AI policy.',
    profile: { region: 'SEJONG', industry: 'O' },
  },
  {
    slug: 'msit-ai-policy',
    kind: 'AGENCY',
    name: 'AI Policy Bureau (인공지능정책국)',
    description: 'AI adoption across government.',
    parent: 'msit',
  },
  {
    slug: 'hanbit-data',
    kind: 'COMPANY',
    name: 'Hanbit Data (한빛데이터)',
    description: 'Address and location services.',
    profile: { sizeBand: 'SMALL', region: 'SEOUL', industry: 'J' },
  },
  {
    slug: 'sejong-civic-tech',
    kind: 'COMPANY',
    name: 'Sejong Civic Tech (세종시빅테크)',
    description: 'Identity verification and notifications.',
    profile: { sizeBand: 'MICRO', region: 'SEJONG', industry: 'J' },
  },
];

export const DEMO_MEMBERS: DemoMember[] = [
  { email: 'admin@maru.example', name: 'Maru Operator', organization: 'maru-platform', roles: ['PLATFORM_ADMIN'] },
  { email: 'admin@mois.example', name: 'Kim Minjun (김민준)', organization: 'mois', roles: ['AGENCY_ADMIN'] },
  {
    email: 'manager@mois.example',
    name: 'Lee Seoyeon (이서연)',
    organization: 'mois-digital-government',
    roles: ['CHALLENGE_MANAGER'],
  },
  { email: 'reviewer@mois.example', name: 'Park Jiho (박지호)', organization: 'mois-public-data', roles: ['REVIEWER'] },
  { email: 'admin@msit.example', name: 'Choi Yuna (최유나)', organization: 'msit', roles: ['AGENCY_ADMIN'] },
  {
    email: 'manager@msit.example',
    name: 'Jung Hyun (정현)',
    organization: 'msit-ai-policy',
    roles: ['CHALLENGE_MANAGER', 'REVIEWER'],
  },
  {
    email: 'admin@hanbit.example',
    name: 'Kang Doyoon (강도윤)',
    organization: 'hanbit-data',
    roles: ['COMPANY_ADMIN'],
  },
  { email: 'dev@hanbit.example', name: 'Yoon Haeun (윤하은)', organization: 'hanbit-data', roles: ['DEVELOPER'] },
  {
    email: 'admin@sejong-civic.example',
    name: 'Jang Siwoo (장시우)',
    organization: 'sejong-civic-tech',
    roles: ['COMPANY_ADMIN'],
  },
  {
    email: 'dev@sejong-civic.example',
    name: 'Lim Jiwoo (임지우)',
    organization: 'sejong-civic-tech',
    roles: ['DEVELOPER'],
  },
];
