import { useSession } from '../../auth/session';

interface ChallengeOwnership {
  agency: { id: string; ancestors: { id: string }[] };
}

/** What the signed-in member is to this challenge, mirroring the hub's rules (the hub still decides). */
export function useChallengeRole(
  challenge: ChallengeOwnership | null | undefined,
  panel: { memberId: string }[] | null | undefined,
) {
  const { viewer, hasRole } = useSession();
  const inAgency =
    !!viewer &&
    !!challenge &&
    (challenge.agency.id === viewer.organization.id ||
      challenge.agency.ancestors.some((a) => a.id === viewer.organization.id));
  return {
    viewer,
    manages: hasRole('PLATFORM_ADMIN') || (inAgency && hasRole('CHALLENGE_MANAGER', 'AGENCY_ADMIN')),
    company: viewer?.organization.kind === 'COMPANY',
    submits: viewer?.organization.kind === 'COMPANY' && hasRole('COMPANY_ADMIN', 'DEVELOPER'),
    reviews: !!viewer && !!panel?.some((p) => p.memberId === viewer.id),
  };
}
