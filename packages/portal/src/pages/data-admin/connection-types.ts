import type { ManagedConnectionQuery } from '../../gql/graphql';

/** The connection as its owner sees it on /manage/data/:id. */
export type ManagedConnection = NonNullable<ManagedConnectionQuery['dataConnection']>;
