import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { API_KEY_STORAGE, GraphqlRequestError, graphqlRequest } from '../graphql/client';

const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      roles
      organization {
        id
        name
        kind
        ancestors {
          id
        }
      }
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type Role = Viewer['roles'][number];

export interface Session {
  viewer: Viewer | null;
  /** The stored key is being checked. */
  loading: boolean;
  /** Keeps the key for this tab once the hub knows it; throws a GraphqlRequestError otherwise. */
  signIn: (apiKey: string) => Promise<Viewer>;
  signOut: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [loading, setLoading] = useState(() => sessionStorage.getItem(API_KEY_STORAGE) !== null);

  useEffect(() => {
    if (!sessionStorage.getItem(API_KEY_STORAGE)) return;
    graphqlRequest(ViewerDocument)
      .then((data) => setViewer(data.viewer ?? null))
      // An expired or revoked key: start over signed out.
      .catch(() => sessionStorage.removeItem(API_KEY_STORAGE))
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (apiKey: string) => {
    sessionStorage.setItem(API_KEY_STORAGE, apiKey.trim());
    try {
      const { viewer: found } = await graphqlRequest(ViewerDocument);
      if (!found) throw new GraphqlRequestError('UNAUTHENTICATED', 'The hub does not know this key.');
      setViewer(found);
      return found;
    } catch (error) {
      sessionStorage.removeItem(API_KEY_STORAGE);
      throw error;
    }
  }, []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(API_KEY_STORAGE);
    setViewer(null);
  }, []);

  const value = useMemo<Session>(
    () => ({
      viewer,
      loading,
      signIn,
      signOut,
      hasRole: (...roles) => !!viewer && roles.some((role) => viewer.roles.includes(role)),
    }),
    [viewer, loading, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
