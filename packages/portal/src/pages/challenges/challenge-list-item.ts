import { graphql } from '../../gql';

/** What a card of @maru/ui's ChallengeList shows: every query that feeds the list spreads it. */
export const ChallengeListItemFragment = graphql(`
  fragment ChallengeListItem on Challenge {
    id
    title
    summary
    status
    type
    tags
    submissionDeadline
    agency {
      id
      name
    }
    prize {
      amount
      currency
      kind
      description
    }
  }
`);
