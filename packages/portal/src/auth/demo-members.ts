import type { Role } from './session';

/** A member the hub seeds in demo mode (packages/hub/src/demo-data.ts); names and organizations are data, not UI text. */
export interface DemoMember {
  email: string;
  name: string;
  organization: string;
  roles: Role[];
}

export const DEMO_MEMBERS: DemoMember[] = [
  {
    email: 'manager@mois.example',
    name: 'Lee Seoyeon (이서연)',
    organization: 'Digital Government Bureau (디지털정부국)',
    roles: ['CHALLENGE_MANAGER'],
  },
  {
    email: 'admin@hanbit.example',
    name: 'Kang Doyoon (강도윤)',
    organization: 'Hanbit Data (한빛데이터)',
    roles: ['COMPANY_ADMIN'],
  },
  {
    email: 'reviewer@mois.example',
    name: 'Park Jiho (박지호)',
    organization: 'Public Data Division (공공데이터정책과)',
    roles: ['REVIEWER'],
  },
  { email: 'admin@maru.example', name: 'Maru Operator', organization: 'Maru Platform', roles: ['PLATFORM_ADMIN'] },
  {
    email: 'admin@mois.example',
    name: 'Kim Minjun (김민준)',
    organization: 'Ministry of the Interior and Safety (행정안전부)',
    roles: ['AGENCY_ADMIN'],
  },
  {
    email: 'manager@msit.example',
    name: 'Jung Hyun (정현)',
    organization: 'AI Policy Bureau (인공지능정책국)',
    roles: ['CHALLENGE_MANAGER', 'REVIEWER'],
  },
  {
    email: 'admin@msit.example',
    name: 'Choi Yuna (최유나)',
    organization: 'Ministry of Science and ICT (과학기술정보통신부)',
    roles: ['AGENCY_ADMIN'],
  },
  {
    email: 'dev@hanbit.example',
    name: 'Yoon Haeun (윤하은)',
    organization: 'Hanbit Data (한빛데이터)',
    roles: ['DEVELOPER'],
  },
  {
    email: 'admin@sejong-civic.example',
    name: 'Jang Siwoo (장시우)',
    organization: 'Sejong Civic Tech (세종시빅테크)',
    roles: ['COMPANY_ADMIN'],
  },
  {
    email: 'dev@sejong-civic.example',
    name: 'Lim Jiwoo (임지우)',
    organization: 'Sejong Civic Tech (세종시빅테크)',
    roles: ['DEVELOPER'],
  },
];
