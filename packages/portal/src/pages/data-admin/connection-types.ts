import type { ConnectionAccessRequestsQuery, ManagedConnectionQuery } from '../../gql/graphql';

/** The connection as its owner sees it on /manage/data/:id. */
export type ManagedConnection = NonNullable<ManagedConnectionQuery['dataConnection']>;

/** One access request for the connection, as its owner sees it. */
export type AccessRequest = NonNullable<
  ConnectionAccessRequestsQuery['dataConnection']
>['accessRequests']['nodes'][number];
