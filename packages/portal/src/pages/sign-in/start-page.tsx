import { Navigate } from 'react-router';
import { useSession } from '../../auth/session';
import { PageLoading } from '../../layout/page-loading';
import { landingFor } from '../../layout/landing';

/** `/start`: where a sign-in lands when no page asked for it — the member's own page, by role. */
export function StartPage() {
  const { viewer, loading } = useSession();
  if (loading) return <PageLoading />;
  return <Navigate to={viewer ? landingFor(viewer) : '/'} replace />;
}
