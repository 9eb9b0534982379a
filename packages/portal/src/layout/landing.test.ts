import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/session';
import { landingFor, samePath } from './landing';

const member = (roles: Viewer['roles'], kind: Viewer['organization']['kind']): Viewer =>
  ({ id: 'm', name: 'M', email: 'm@x', roles, organization: { id: 'o', name: 'O', kind, ancestors: [] } }) as Viewer;

describe('landingFor', () => {
  it('sends each member to their own work: admin, agency, company, reviewer', () => {
    expect(landingFor(member(['PLATFORM_ADMIN'], 'PLATFORM'))).toBe('/admin');
    expect(landingFor(member(['AGENCY_ADMIN'], 'AGENCY'))).toBe('/manage');
    expect(landingFor(member(['CHALLENGE_MANAGER', 'REVIEWER'], 'AGENCY'))).toBe('/manage');
    expect(landingFor(member(['COMPANY_ADMIN'], 'COMPANY'))).toBe('/my');
    expect(landingFor(member(['DEVELOPER'], 'COMPANY'))).toBe('/my');
    expect(landingFor(member(['REVIEWER'], 'AGENCY'))).toBe('/reviews');
    expect(landingFor(member([], 'AGENCY'))).toBe('/');
  });

  it('keeps return paths on this site', () => {
    expect(samePath('/challenges/1?tab=qa')).toBe(true);
    expect(samePath('//evil.example')).toBe(false);
    expect(samePath('https://evil.example')).toBe(false);
    expect(samePath(null)).toBe(false);
  });
});
