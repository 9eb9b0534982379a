import { graphql } from '../../gql';

export const InsightsDashboardDocument = graphql(`
  query InsightsDashboard($organizationId: ID, $days: Int) {
    insights(organizationId: $organizationId, days: $days) {
      since
      organization {
        id
        name
      }
      participation(top: 10) {
        challenges {
          challengeId
          title
          entries
        }
        phases {
          phase
          entries
          drafts
        }
        weeks {
          week
          submitted
        }
        sizeBands {
          sizeBand
          entries
          organizations
        }
        regions {
          region
          entries
          organizations
        }
      }
      timeToAward {
        agency {
          id
          name
        }
        awarded
        medianDays
        minDays
        maxDays
      }
      serviceUsage {
        perDay {
          serviceKey
          day
          calls
          failures
        }
        perConsumer {
          serviceKey
          consumer {
            id
            name
          }
          calls
          failures
        }
      }
      dataAccess {
        connectionId
        name
        reads
        refusedReads
        approvals
        refusals
        pending
        consentsInForce
      }
    }
  }
`);
