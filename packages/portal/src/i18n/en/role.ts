export const role = {
  PLATFORM_ADMIN: 'Platform admin',
  AGENCY_ADMIN: 'Agency admin',
  CHALLENGE_MANAGER: 'Challenge manager',
  REVIEWER: 'Reviewer',
  COMPANY_ADMIN: 'Company admin',
  DEVELOPER: 'Developer',
};
