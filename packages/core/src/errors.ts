/**
 * Every error code a GraphQL client of the hub can see, with what it means and
 * what the client should do. Codes are API: never renamed, never reused. The
 * list is mirrored in docs/reference/errors.md; a test fails when they differ.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: {
    http: 401,
    meaning: 'No valid credentials: the API key is missing, unknown, revoked or expired.',
    fix: 'Send `Authorization: Bearer <api key>` with a live key; create a new key if it was revoked or expired.',
  },
  FORBIDDEN: {
    http: 403,
    meaning: 'The caller is known but may not do this: wrong role, another organization, or a key without the scope.',
    fix: 'Use a member with the role the message names, in the owning organization, or a key with the missing scope.',
  },
  NOT_FOUND: {
    http: 404,
    meaning: 'No object with that id exists (or it is not visible to the caller).',
    fix: 'Check the id; ids are global ids as returned by the API.',
  },
  BAD_USER_INPUT: {
    http: 400,
    meaning: 'An argument is malformed, too long, out of range or of the wrong kind; `extensions.field` names it.',
    fix: 'Correct the named field as the message says.',
  },
  CONFLICT: {
    http: 409,
    meaning: 'The change clashes with the current state: a unique value is taken, or the object changed meanwhile.',
    fix: 'Pick another value for the named field, or reload the object and retry.',
  },
  RATE_LIMITED: {
    http: 429,
    meaning: 'Too many requests for this key or address in the current window.',
    fix: 'Wait for the number of seconds in `extensions.retryAfter`, then retry.',
  },
  BAD_REQUEST: {
    http: 400,
    meaning:
      'The request is not a GraphQL request over HTTP: the body or a `variables`/`extensions` URL parameter is not ' +
      'JSON, a multipart form lacks or garbles `operations` or `map`, or it carries no operation; nothing ran.',
    fix:
      'Send a JSON object such as `{"query": "{ __typename }", "variables": {}}` (on GET, URL-encoded JSON in ' +
      '`variables` and `extensions`); the message names the part to fix.',
  },
  REQUEST_ENTITY_TOO_LARGE: {
    http: 413,
    meaning: 'The request body is larger than this hub accepts; it was refused before being read whole.',
    fix: 'Send less at once: page through large inputs, or ask the operator which size this hub accepts.',
  },
  GRAPHQL_PARSE_FAILED: {
    http: 400,
    meaning: 'The document is not valid GraphQL syntax.',
    fix: 'Fix the syntax at the location the message gives.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    http: 400,
    meaning: 'The document asks for a field, argument or type the schema does not have, or uses one wrongly.',
    fix: 'Compare the operation with docs/reference/schema.graphql (or GraphiQL) and fix the named field.',
  },
  QUERY_TOO_COMPLEX: {
    http: 400,
    meaning: 'The operation is too deep, too costly, has too many aliases or tokens; refused before any resolver ran.',
    fix: 'Split the operation or ask for fewer nested fields; the message names the limit.',
  },
  INTROSPECTION_DISABLED: {
    http: 403,
    meaning:
      'The operation asks for `__schema` or `__type`, and this hub answers introspection only to signed-in callers, ' +
      'or to nobody (`MARU_INTROSPECTION`); nothing ran.',
    fix: 'Send `Authorization: Bearer <api key>`, or read the schema from docs/reference/schema.graphql.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    http: 200,
    meaning:
      'The request named a trusted document by its hash ' +
      '(`extensions.persistedQuery.sha256Hash`) that this hub does not hold.',
    fix:
      'Send the operation text in `query` instead (first-party clients do ' +
      'so on this error), or deploy the client and hub from the same build.',
  },
  TIMEOUT: {
    http: 504,
    meaning: 'A plugin did not answer within its deadline; its work was aborted.',
    fix: 'Retry later; if it persists, tell the service provider. Nothing was recorded as done.',
  },
  CAPABILITY_DENIED: {
    http: 403,
    meaning:
      'A plugin tried to use something its manifest did not declare or the operator ' +
      'did not grant (a host, a capability); the attempt is on the audit trail.',
    fix: 'The plugin author declares it in the manifest, and a platform admin grants it.',
  },
  PLUGIN_FAILED: {
    http: 502,
    meaning:
      'A plugin failed unexpectedly (threw, crashed, exhausted its memory, returned output that breaks its ' +
      'own schema, or the plugin host stopped during the call and was restarted). Only this call was affected.',
    fix: 'Retry; if it persists, report the `x-request-id` response header to the service provider.',
  },
  PLUGIN_UNAVAILABLE: {
    http: 503,
    meaning: 'The service exists but its plugin is not running (failed to load, disabled or stopped).',
    fix: 'Ask a platform admin to check the plugin in the catalogue.',
  },
  MEMBER_EXISTS_ELSEWHERE: {
    http: 409,
    meaning: 'An invitation names an e-mail address that already belongs to a member of another organization.',
    fix: "A person belongs to one organization: ask that organization's admin to disable them, or invite another address.",
  },
  INVITATION_EXPIRED: {
    http: 403,
    meaning: 'The person signed in with an invitation that was not accepted within its 7 days.',
    fix: 'Ask an admin of the organization to invite the person again (a new link is sent; the old one stays dead).',
  },
  LAST_PLATFORM_ADMIN: {
    http: 409,
    meaning: 'The change would leave the hub without an active platform admin (disabling the last one).',
    fix: 'Make another member a platform admin first (`maru-hub setup --add-admin` or `updateMember`), then retry.',
  },
  PLATFORM_ALREADY_SET_UP: {
    http: 409,
    meaning: '`maru-hub setup` found a platform admin already in the store and was not told to add another.',
    fix: 'Sign in as the existing platform admin; to add one more, run `maru-hub setup --add-admin` (audited).',
  },
  SESSION_EXPIRED: {
    http: 401,
    meaning:
      'The `maru_session` cookie names no live session: it ended (signed out, revoked, idle or too old), its member ' +
      'is no longer active, or it is not from this hub.',
    fix: 'Sign in again (`/auth/login`); `POST /auth/logout` clears a stale cookie.',
  },
  CSRF_TOKEN_INVALID: {
    http: 403,
    meaning:
      'A request authenticated by the session cookie lacks the `x-maru-csrf` header, or it does not match the ' +
      "session's token; refused so that another site cannot act in a signed-in browser.",
    fix: "Send the `maru_csrf` cookie's value in the `x-maru-csrf` header with every request of the session.",
  },
  SIGN_IN_EMAIL_UNVERIFIED: {
    http: 403,
    meaning:
      "The identity provider did not vouch for the person's e-mail address (`email_verified` not true), or sent " +
      'none in the configured claim.',
    fix: 'Verify the address at the identity provider, or have the operator release `email` and `email_verified`.',
  },
  SIGN_IN_UNKNOWN_PERSON: {
    http: 403,
    meaning: 'The verified e-mail address belongs to no member of this hub; sign-in never creates an account.',
    fix: 'Ask an admin of your organization to invite you with the address your identity provider knows.',
  },
  MEMBER_DISABLED: {
    http: 403,
    meaning: 'The person is a member whose membership an admin disabled.',
    fix: 'Ask an admin of your organization to enable your membership.',
  },
  SIGN_IN_FAILED: {
    http: 400,
    meaning:
      "The identity provider's answer could not be trusted or used: the sign-in cookie is missing or expired, the " +
      'state does not match, the code was used already, the ID token expired or failed its checks, or the provider ' +
      'answered with an error.',
    fix: 'Start again from the sign-in page; if it keeps failing, the operator checks the hub log and the IdP client.',
  },
  CONFLICT_OF_INTEREST: {
    http: 403,
    meaning:
      "A reviewer's organization has a submission (a draft included, not a withdrawn one) to the challenge: they may " +
      'not be seated on its panel, declare no conflict, or score any of its entries; `extensions.field` names the ' +
      'member when seating.',
    fix:
      'Seat a reviewer from an organization that does not compete; for a conflicted panelist already seated, set the ' +
      'panel without them (`Panelist.conflictOfInterest` shows who).',
  },
  CONFLICT_DECLARATION_REQUIRED: {
    http: 403,
    meaning: 'A reviewer tried to score before declaring that they have no conflict of interest on the challenge.',
    fix: 'Call `declareNoConflict(challengeId: …)` (or confirm the declaration on the scoring page), then score.',
  },
  AUDIT_CHECKPOINT_INVALID: {
    http: 400,
    meaning:
      'A checkpoint given to `verifyAuditChain` or `verifyDataAccessLog` is malformed, of the other log, or its ' +
      "signature does not verify with this hub's checkpoint key (or the hub has none yet).",
    fix: 'Copy the checkpoint unchanged from `GET /audit/checkpoint` or the checkpoint file, for the log you verify.',
  },
  PACKAGE_INVALID: {
    http: 400,
    meaning:
      'An uploaded plugin package is not one a hub loads: not a gzipped tarball of `package/`, a path climbing out, ' +
      'a link or device, a file or the whole too large, no `maru-plugin.json`, or a manifest this hub is not ' +
      'compatible with; nothing was stored.',
    fix: 'Build, sign and pack the plugin with `maru build`, `maru sign` and `maru pack`, and upload the .tgz it wrote.',
  },
  PACKAGE_SIGNATURE_INVALID: {
    http: 400,
    meaning:
      'An uploaded plugin package is unsigned, was changed after it was signed, or is signed with a key this hub ' +
      'has not registered; nothing was stored.',
    fix: 'Sign after the last build (`maru sign`), pack without rebuilding, and have a platform admin register the key.',
  },
  PACKAGE_SIGNER_NOT_WINNER: {
    http: 403,
    meaning:
      "The package's signing key is registered, but to another organization (or to none) than the winning " +
      'company whose submission it is uploaded for.',
    fix: 'Sign with a key registered to your organization (a platform admin registers it with `organizationId`).',
  },
  PACKAGE_MISMATCH: {
    http: 409,
    meaning: "The package's name or version is not the `pluginPackage` the winning submission names.",
    fix: 'Upload the exact package and version the submission names.',
  },
  CAPABILITY_NOT_APPROVED: {
    http: 400,
    meaning:
      'A pilot launch approves a capability the plugin does not ask for, or leaves one it asks for unapproved; ' +
      'nothing was installed.',
    fix: 'Read `pilotLaunchPreview`, and approve exactly the capabilities it lists, or do not launch.',
  },
  DOCUMENT_NOT_HELD: {
    http: 404,
    meaning:
      "The document named is not one the caller's organization (or the person) holds: it does not exist, or it is another holder's; nothing was presented.",
    fix: 'Present a document listed in `heldDocuments`; a document issued to another organization cannot be presented by yours.',
  },
  DOCUMENT_CONSENT_REQUIRED: {
    http: 400,
    meaning: "A document was to be presented without the holder's consent: `consent` was false; nothing was shared.",
    fix: "Read who will receive the document, then send `consent: true` to agree on the holder's behalf.",
  },
  DOCUMENT_EXPIRED: {
    http: 409,
    meaning: "The held document's validity ended (`validUntil` has passed); expired documents are not presented.",
    fix: 'Ask the issuing agency for a new document (`issueDocument`), then present that one.',
  },
  DOCUMENT_REVOKED: {
    http: 409,
    meaning: 'The issuer revoked the held document; revoked documents are not presented, and their verifications fail.',
    fix: 'Ask the issuing agency for a new document, or why it was revoked (`revocationReason`).',
  },
  DOCUMENT_WRONG_TYPE: {
    http: 400,
    meaning:
      'The document is not of a type the challenge requires (`Challenge.requiredDocuments`), or the challenge requires none; nothing was presented.',
    fix: 'Present a held document of a required type; `documentTypes` lists which plugin issues each type.',
  },
  DOCUMENT_REQUIRED: {
    http: 409,
    meaning:
      'A submission was sent to a challenge that requires documents (e.g. business registration proof issued within 90 days) the organization has not presented; `extensions.documentTypes` lists them.',
    fix: 'Present each required document from your held documents (`presentDocument` with purpose CHALLENGE_ELIGIBILITY, or My documents in the portal), then submit again.',
  },
  DOCUMENT_TOO_OLD: {
    http: 409,
    meaning: "The document is of the required type but was issued longer ago than the requirement's `maxAgeDays`.",
    fix: 'Ask the issuer for a freshly issued document, then present it.',
  },
  INTERNAL: {
    http: 500,
    meaning: 'Something failed inside the hub. Details are logged with the request id, never sent.',
    fix: 'Retry later; if it persists, report the `x-request-id` response header to the operator.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A plugin's own error code, namespaced by the plugin so it cannot pose as a hub code: `PLUGIN_<PLUGIN>_<CODE>`. */
export type PluginErrorCode = `PLUGIN_${string}`;

/** A known, client-visible error. Anything else that escapes a resolver is masked as INTERNAL. */
export class MaruError extends Error {
  constructor(
    readonly code: ErrorCode | PluginErrorCode,
    message: string,
    /** `field` names the argument to fix, `retryAfter` the seconds to wait; a code may add facts of its own. */
    readonly extensions: { field?: string; retryAfter?: number; [fact: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'MaruError';
  }
}

export function isMaruError(value: unknown): value is MaruError {
  return value instanceof MaruError;
}

export const unauthenticated = (message = 'Sign in: send `Authorization: Bearer <api key>`.') =>
  new MaruError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new MaruError('FORBIDDEN', message);
export const notFound = (what: string, id: string) =>
  new MaruError('NOT_FOUND', `No ${what} with id "${id}" exists or it is not visible to you.`);
export const badInput = (field: string, message: string) => new MaruError('BAD_USER_INPUT', message, { field });
export const conflict = (message: string, field?: string) => new MaruError('CONFLICT', message, field ? { field } : {});
