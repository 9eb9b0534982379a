import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { postAuth } from '../graphql/auth-request';
import { GraphqlRequestError, SESSION_ENDED_EVENT, graphqlRequest } from '../graphql/client';

// Who is signed in (the session cookie is httpOnly: only the hub can tell) and how one signs in here.
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
    signInOptions {
      demo
      oidc {
        providerName
        loginPath
      }
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type Role = Viewer['roles'][number];
export type SignInOptions = ViewerQuery['signInOptions'];

export interface Session {
  viewer: Viewer | null;
  /** What this hub offers: an OpenID Connect provider, demo members, both or neither. Null until known. */
  options: SignInOptions | null;
  /** The hub is being asked who is signed in. */
  loading: boolean;
  /** Why this browser's session ended without the member signing out here (e.g. SESSION_EXPIRED), to say so. */
  endedBecause: string | null;
  /** Asks the hub again who is signed in (after signing in, or when a request says the session ended). */
  refresh: () => Promise<Viewer | null>;
  /** Demo hubs only: opens a session as a seeded member. Throws a GraphqlRequestError when refused. */
  signInAsDemo: (email: string) => Promise<Viewer>;
  /** Ends this browser's session on the hub. */
  signOut: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [loading, setLoading] = useState(true);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const ask = useCallback(async () => {
    const data = await graphqlRequest(ViewerDocument);
    setViewer(data.viewer ?? null);
    setOptions(data.signInOptions);
    if (data.viewer) setEndedBecause(null);
    return data.viewer ?? null;
  }, []);

  const refresh = useCallback(async () => {
    try {
      return await ask();
    } catch {
      // A session that ended elsewhere is cleared by the listener below (the client announced it).
      setViewer(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, [ask]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any request the hub refused because the session is over (revoked elsewhere, idle, member disabled): the hub
  // refuses every request carrying its cookie, so clear it, then ask again as a visitor.
  useEffect(() => {
    const ended = (event: Event) => {
      setEndedBecause((event as CustomEvent<string>).detail);
      setViewer(null);
      void postAuth('/auth/logout')
        .catch(() => undefined)
        .then(() => ask().catch(() => null));
    };
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [ask]);

  const signInAsDemo = useCallback(
    async (email: string) => {
      await postAuth('/auth/demo', { email });
      const found = await refresh();
      if (!found) throw new GraphqlRequestError('UNAUTHENTICATED', 'The hub opened no session.');
      return found;
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    // Refused (the session had ended already): the viewer asked next tells the truth either way.
    await postAuth('/auth/logout').catch(() => undefined);
    setEndedBecause(null);
    await refresh();
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      viewer,
      options,
      loading,
      endedBecause,
      refresh,
      signInAsDemo,
      signOut,
      hasRole: (...roles) => !!viewer && roles.some((role) => viewer.roles.includes(role)),
    }),
    [viewer, options, loading, endedBecause, refresh, signInAsDemo, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
