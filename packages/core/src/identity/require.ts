import { forbidden, unauthenticated } from '../errors.js';
import type { ApiKeyScope } from './model.js';
import { hasScope, type Viewer } from './viewer.js';

/** Asserts a signed-in viewer whose key carries `scope`. */
export function requireScope(viewer: Viewer | null, scope: ApiKeyScope): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated();
  if (!hasScope(viewer, scope)) throw forbidden(`This API key lacks the ${scope} scope; create a key with it.`);
}

export function requireAdminScope(viewer: Viewer | null): asserts viewer is Viewer {
  requireScope(viewer, 'ADMIN');
}
