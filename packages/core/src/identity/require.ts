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

/**
 * Asserts a LIVE key: TEST keys read and reach service sandboxes, and never change who may do what (keys, members,
 * invitations, organizations, grants, plugins). `action` completes "a TEST key cannot …".
 */
export function requireLiveKey(viewer: Viewer | null, action: string): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.apiKey.mode === 'TEST') throw forbidden(`A TEST key cannot ${action}; use a LIVE key.`);
}

/** An ADMIN scope on a LIVE key: for changes to members, keys, invitations and organizations. */
export function requireLiveAdminScope(viewer: Viewer | null, action: string): asserts viewer is Viewer {
  requireAdminScope(viewer);
  requireLiveKey(viewer, action);
}
