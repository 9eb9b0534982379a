export const errorCode = {
  SESSION_EXPIRED: 'Your session has ended (you signed out elsewhere, or it was idle too long). Please sign in again.',
  CSRF_TOKEN_INVALID:
    'The hub could not confirm this request came from this page. Reload the page and try again; if it persists, sign in again.',
  MEMBER_DISABLED: 'Your membership is disabled. Ask an admin of your organization to enable it.',
  SIGN_IN_UNKNOWN_PERSON:
    'Your e-mail address belongs to no member of this hub. Ask an admin of your organization to invite you with the address your sign-in provider knows.',
  SIGN_IN_EMAIL_UNVERIFIED:
    'Your sign-in provider has not confirmed your e-mail address. Verify it there, then sign in again.',
  SIGN_IN_FAILED: 'Signing in did not complete (the page may have been open too long). Please start again.',
  INVITATION_EXPIRED:
    'Your invitation has expired (invitations last 7 days). Ask an admin of the organization to invite you again.',
  MEMBER_EXISTS_ELSEWHERE:
    'This e-mail address already belongs to a member of another organization. A person belongs to one organization.',
  LAST_PLATFORM_ADMIN: 'The hub needs at least one active platform admin: make another member one first.',
  UNAUTHENTICATED: 'Please sign in first.',
  FORBIDDEN: 'Your role does not allow this.',
  CONFLICT: 'Someone changed this in the meantime. Reload the page and try again.',
  NOT_FOUND: 'This no longer exists, or you may not see it.',
  RATE_LIMITED: 'Too many requests just now. Wait a moment and try again.',
  CONFLICT_OF_INTEREST:
    "Conflict of interest: the reviewer's organization has submitted to this challenge, so they can be neither appointed nor score. Appoint a reviewer from another organization.",
  CONFLICT_DECLARATION_REQUIRED: 'Declare that you have no conflict of interest on this challenge before you score.',
  DOCUMENT_REQUIRED:
    'This challenge asks for documents before you submit (for example, business registration proof issued within 90 days). Present them from My documents, then submit again.',
  DOCUMENT_NOT_HELD:
    'Your organization does not hold this document. Only documents listed in My documents can be presented.',
  DOCUMENT_CONSENT_REQUIRED: 'Check who will receive the document and agree to share it; then it is presented.',
  DOCUMENT_EXPIRED: 'This document has expired. Ask the issuing agency for a new one.',
  DOCUMENT_REVOKED: 'The issuing agency revoked this document. Ask them for a new one, or why it was revoked.',
  DOCUMENT_WRONG_TYPE: 'This challenge does not ask for this kind of document. Present one of the kind it requires.',
  DOCUMENT_TOO_OLD:
    'This document was issued longer ago than the challenge allows. Get a freshly issued one, then present it.',
  PACKAGE_INVALID: 'The plugin package could not be read. Upload the signed .tgz file that `maru pack` makes.',
  PACKAGE_SIGNATURE_INVALID:
    'The package signature does not match. Sign it again (`maru sign`) with your registered publisher key, then upload it.',
  PACKAGE_SIGNER_NOT_WINNER:
    "The package was signed with a key that is not registered to the winning organization. Sign it with the winner's publisher key.",
  PACKAGE_MISMATCH:
    'The package name or version differs from the plugin named in the submission. Upload that name and version.',
  CAPABILITY_NOT_APPROVED: 'Review and approve every capability the plugin asks for to launch the pilot.',
  BAD_USER_INPUT: 'Some of what you entered cannot be accepted. Check the marked field and try again.',
  BAD_REQUEST: 'The hub could not read this request. Reload the page and try again.',
  REQUEST_ENTITY_TOO_LARGE: 'What you sent is larger than this hub accepts. Send a smaller file, or less at once.',
  GRAPHQL_PARSE_FAILED:
    'This page sent a request the hub could not read; the page may be out of date. Reload it; if this persists, tell the help desk.',
  GRAPHQL_VALIDATION_FAILED:
    'This page asked the hub for something it does not offer; the page and the hub may be different versions. Reload the page; if this persists, tell the help desk.',
  QUERY_TOO_COMPLEX: 'This asked for too much at once. Narrow the search or show fewer items per page, then try again.',
  INTROSPECTION_DISABLED: 'This hub does not describe its API here. Sign in, or read the API reference.',
  PERSISTED_QUERY_NOT_FOUND: 'This page is out of date with the hub. Reload the page.',
  TIMEOUT:
    'The service took too long to answer, and nothing was done. Try again later; if it keeps happening, tell the service provider.',
  CAPABILITY_DENIED:
    "The service tried to do something it is not allowed to, and was stopped. A platform admin can check the plugin's permissions.",
  PLUGIN_FAILED:
    'The service failed while handling this; nothing else was affected. Try again; if it keeps happening, tell the service provider.',
  PLUGIN_UNAVAILABLE: 'This service is not running right now. Ask a platform admin to check its plugin.',
  PLATFORM_ALREADY_SET_UP: 'This hub already has a platform admin. Sign in as that admin, who can add others.',
  AUDIT_CHECKPOINT_INVALID:
    'The checkpoint could not be verified: it is malformed, belongs to the other log, or was not signed by this hub. Copy it again, unchanged, from the checkpoint file.',
  INTERNAL:
    'Something went wrong on the hub. Try again in a moment; if it keeps happening, tell the help desk the error code.',
  pluginRefusal:
    'The service could not do this. Check what you entered; if it keeps happening, ask the service provider.',
  NETWORK: 'The hub could not be reached. Check your connection and try again.',
  unknown: 'Something went wrong. Try again in a moment; if it keeps happening, tell the help desk the error code.',
};
