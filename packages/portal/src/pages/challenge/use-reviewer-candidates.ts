import { useEffect, useState } from 'react';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { toErrorText } from '../../graphql/form-error';
import { useQuery } from '../../graphql/use-query';
import { OrganizationMembersDocument, PanelOrganizationsDocument } from './challenge-mutations';

export interface Candidate {
  id: string;
  name: string;
  organization: string;
}

/** Active REVIEWERs of the agency and of every agency below it, one members query per organization. */
export function useReviewerCandidates(agencyId: string) {
  const organizations = useQuery(PanelOrganizationsDocument, { agencyId });
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const data = organizations.data;
    if (!data) return;
    const orgs = [...(data.organization ? [data.organization] : []), ...data.organizations.nodes];
    let current = true;
    Promise.all(
      orgs.map((org) =>
        graphqlRequest(OrganizationMembersDocument, { id: org.id }).then((result) => ({
          org,
          members: result.organization?.members.nodes ?? [],
        })),
      ),
    )
      .then((lists) => {
        if (!current) return;
        setCandidates(
          lists.flatMap(({ org, members }) =>
            members
              .filter((m) => m.status === 'ACTIVE' && m.roles.includes('REVIEWER'))
              .map((m) => ({ id: m.id, name: m.name, organization: org.name })),
          ),
        );
      })
      .catch(
        (caught: unknown) =>
          current && setError(toErrorText(caught instanceof GraphqlRequestError ? caught : { code: 'INTERNAL' })),
      );
    return () => {
      current = false;
    };
  }, [organizations.data]);
  return {
    candidates,
    loading: organizations.loading || (candidates === null && !error && !organizations.error),
    error: organizations.error?.message ?? error,
    reload: organizations.reload,
  };
}
