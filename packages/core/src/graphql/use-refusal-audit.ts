import { getOperationAST, Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AuditTrail } from '../audit/index.js';
import type { HubContext } from '../context.js';
import { isMaruError } from '../errors.js';
import type { RequestStart } from '../http/request-front.js';
import type { Viewer } from '../identity/index.js';

/** What yoga's initial context holds before the hub's context is built (the request front's findings, the params). */
interface InitialContext {
  request: Request;
  start?: RequestStart;
  req?: { socket?: { remoteAddress?: string } };
  params?: { operationName?: string | null };
}

/** At most this many field names, each at most this long: an invalid document may hold anything. */
const MAX_FIELDS = 20;
const MAX_NAME = 100;

/**
 * Puts on the trail the mutations refused before any resolver ran, which `audited()` never sees: an invalid document
 * (GRAPHQL_VALIDATION_FAILED), a limit (QUERY_TOO_COMPLEX), a variable that does not coerce (BAD_USER_INPUT), and a
 * refusal of the request front (UNAUTHENTICATED, SESSION_EXPIRED, RATE_LIMITED…). A known caller's refusal is one
 * `request.refused` event with the code, the operation's name and the mutation fields asked — never the variables'
 * values, which may hold secrets. A caller nobody could identify is counted per address instead
 * (`AuditTrail.refusedAnonymously`). A document that does not parse names no mutation and is not recorded.
 */
export function useRefusalAudit(audit: AuditTrail): Plugin {
  // Validation hooks are synchronous: the append they start is awaited before the answer leaves (onResultProcess).
  const recording = new WeakMap<Request, Promise<void>>();
  return {
    onValidate({ context, params }) {
      const initial = context as InitialContext;
      return ({ result }) => {
        const operation = mutationOf(params.documentAST, initial.params?.operationName);
        if (!operation) return;
        const code = result.length > 0 ? codeOf(result[0]!) : refusalCode(initial.start);
        if (!code) return;
        const start = initial.start;
        const caller = start && !start.refusal ? start : null;
        const pending = record(audit, operation, code, {
          viewer: caller?.viewer ?? null,
          subjectKeyId: caller?.subject?.keyId ?? null,
          requestId: start?.requestId ?? null,
          address: initial.req?.socket?.remoteAddress,
        });
        // Handled where it is awaited; this only keeps Node from calling it unhandled meanwhile.
        pending.catch(() => undefined);
        recording.set(initial.request, pending);
      };
    },
    async onResultProcess({ request }) {
      const pending = recording.get(request);
      if (!pending) return;
      recording.delete(request);
      await pending;
    },
    onExecute({ args }) {
      const operation = mutationOf(args.document, args.operationName);
      if (!operation) return;
      return {
        async onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors?.length) return;
          // An error without a path was raised before any resolver ran: a variable that does not coerce, or the
          // page-size cost computed with the variables. Resolvers' refusals are `audited()`'s.
          const early = result.errors.find((error) => !error.path);
          if (!early) return;
          const ctx = args.contextValue as unknown as HubContext;
          await record(audit, operation, codeOf(early), {
            viewer: ctx.viewer,
            subjectKeyId: ctx.subject?.keyId ?? null,
            requestId: ctx.requestId,
            address: ctx.address,
          });
        },
      };
    },
  };
}

interface Caller {
  viewer: Viewer | null;
  subjectKeyId: string | null;
  requestId: string | null;
  address: string | undefined;
}

async function record(audit: AuditTrail, operation: OperationDefinitionNode, code: string, caller: Caller) {
  if (!caller.viewer && !caller.subjectKeyId) {
    audit.refusedAnonymously(caller.address ?? 'in-process', code);
    return;
  }
  await audit.append({
    action: 'request.refused',
    actorMemberId: caller.viewer?.member._id ?? null,
    actorOrganizationId: caller.viewer?.organization._id ?? null,
    targetId: null,
    // The caller's own organization: its admins read what their members tried.
    organizationId: caller.viewer?.organization._id ?? null,
    outcome: code,
    requestId: caller.requestId,
    detail: {
      operationName: operation.name?.value.slice(0, MAX_NAME) ?? null,
      fields: fieldsOf(operation),
      ...(caller.subjectKeyId ? { subjectKeyId: caller.subjectKeyId } : {}),
    },
  });
}

/** The operation the request runs if it is a mutation; with no single operation to choose, the first mutation. */
function mutationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const chosen = getOperationAST(document, operationName ?? undefined);
  if (chosen) return chosen.operation === 'mutation' ? chosen : null;
  return (
    document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
    ) ?? null
  );
}

/** The mutation fields asked at the top, inline fragments included. */
function fieldsOf(operation: OperationDefinitionNode): string[] {
  const names: string[] = [];
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const selection of selections) {
      if (names.length >= MAX_FIELDS) return;
      if (selection.kind === Kind.FIELD) names.push(selection.name.value.slice(0, MAX_NAME));
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet.selections);
    }
  };
  walk(operation.selectionSet.selections);
  return names;
}

function codeOf(error: GraphQLError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

function refusalCode(start: RequestStart | undefined): string | null {
  return start?.refusal && isMaruError(start.refusal) ? start.refusal.code : null;
}
