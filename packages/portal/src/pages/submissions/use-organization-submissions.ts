import { useEffect, useState } from 'react';
import type { MySubmissionsQuery } from '../../gql/graphql';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { AllChallengeSubmissionsDocument, MySubmissionsDocument } from './submission-queries';

type Challenge = MySubmissionsQuery['challenges']['nodes'][number];
export interface OwnSubmissionRow {
  challenge: Challenge;
  submission: Challenge['submissions']['nodes'][number];
}

/**
 * The organization's submissions across every challenge. The hub has no "my submissions"
 * query: walk the challenges page by page (few submissions each, within the cost limit),
 * and fetch all entries of a challenge only where more are visible than one page holds (after an award).
 */
export function useOrganizationSubmissions(organizationId: string | undefined) {
  const [rows, setRows] = useState<OwnSubmissionRow[] | null>(null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!organizationId) return;
    let current = true;
    (async () => {
      const found: OwnSubmissionRow[] = [];
      let after: string | null = null;
      for (;;) {
        const { challenges }: MySubmissionsQuery = await graphqlRequest(MySubmissionsDocument, { after });
        for (const challenge of challenges.nodes) {
          let submissions = challenge.submissions.nodes;
          if (challenge.submissions.totalCount > submissions.length)
            submissions =
              (await graphqlRequest(AllChallengeSubmissionsDocument, { id: challenge.id })).challenge?.submissions
                .nodes ?? [];
          for (const submission of submissions)
            if (submission.organization.id === organizationId) found.push({ challenge, submission });
        }
        if (!challenges.pageInfo.hasNextPage || !challenges.pageInfo.endCursor) break;
        after = challenges.pageInfo.endCursor;
      }
      return found;
    })()
      .then((found) => current && (setRows(found), setError(null)))
      .catch(
        (caught: unknown) =>
          current &&
          setError(
            caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)),
          ),
      );
    return () => {
      current = false;
    };
  }, [organizationId, round]);
  return { rows, error, loading: rows === null && !error, reload: () => setRound((r) => r + 1) };
}
