import { graphql } from '../../gql';

export const UnreadNoticeCountDocument = graphql(`
  query UnreadNoticeCount {
    unreadNoticeCount
  }
`);

export const InboxDocument = graphql(`
  query Inbox($first: Int, $after: String) {
    unreadNoticeCount
    notices(first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        reason
        title
        outcome
        read
        createdAt
        challenge {
          id
        }
        deliveries {
          channel
          status
          attempts
          lastError
        }
      }
    }
  }
`);

export const MarkNoticesReadDocument = graphql(`
  mutation MarkNoticesRead($ids: [ID!]!) {
    markNoticesRead(ids: $ids) {
      unreadCount
    }
  }
`);

export const NoticeSettingsDocument = graphql(`
  query NoticeSettings {
    viewer {
      organization {
        id
      }
    }
    interests {
      tags
      challengeTypes
      version
    }
    noticeChannels {
      webhookUrl
      email
    }
  }
`);

export const SetInterestsDocument = graphql(`
  mutation SetInterests($organizationId: ID!, $input: InterestsInput!) {
    setInterests(organizationId: $organizationId, input: $input) {
      interests {
        tags
        challengeTypes
        version
      }
    }
  }
`);

export const SetNoticeChannelsDocument = graphql(`
  mutation SetNoticeChannels($input: NoticeChannelsInput!) {
    setNoticeChannels(input: $input) {
      channels {
        webhookUrl
        email
      }
    }
  }
`);

export const ChallengesForYouDocument = graphql(`
  query ChallengesForYou {
    challengesForYou(first: 6) {
      nodes {
        ...ChallengeListItem
      }
    }
  }
`);
