import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TypeInfo, buildSchema, parse, visit, visitWithTypeInfo, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Every operation a person would do has a screen (issue #21, item 1): each mutation and query of the schema is sent by
 * one of the portal's GraphQL documents, unless it is on this short list of operations meant for programs, each with
 * its reason. Add to it only with a reason a reviewer would accept; a missing screen is not one.
 */
const API_ONLY: Record<'Mutation' | 'Query', Record<string, string>> = {
  Mutation: {
    announceChallengeUpdate: 'Deprecated in favour of postAnnouncement, which the challenge page uses.',
    demoLogin:
      'Issues an API key for scripts on a demo hub; people sign in through POST /auth/demo, which opens a session ' +
      'cookie and never puts a key in the browser.',
  },
  Query: {},
};

/**
 * The operations that had no screen when issue #21 was taken (commit 50ed9e8), and the area of the portal building
 * each — named in a failure, so that whoever reads it knows where the screen was promised.
 */
const PROMISED: Record<string, string> = {
  updateChallenge: 'agency challenges: /manage/challenges/:id/edit',
  postAnnouncement: 'agency challenges: announcements on /challenges/:id',
  shortlistSubmission: 'agency challenges: entries on /challenges/:id',
  rejectSubmission: 'agency challenges: entries on /challenges/:id',
  advanceChallengePhase: 'agency challenges: actions on /challenges/:id',
  setChallengeRequiredDocuments: 'agency documents: /manage/documents',
  issueDocument: 'agency documents: /manage/documents',
  revokeHeldDocument: 'agency documents: /manage/documents',
  verifyDocumentPresentation: 'agency documents: /manage/documents',
  issuedDocuments: 'agency documents: /manage/documents',
  receivedDocumentPresentations: 'agency documents: /manage/documents',
  documentTypes: 'agency documents: /manage/documents',
  createDataConnection: 'agency data: /manage/data/new',
  updateDataConnection: 'agency data: /manage/data/:id',
  uploadDataFile: 'agency data: /manage/data/new',
  syncDataConnection: 'agency data: /manage/data/:id',
  revokeDataAccess: 'agency data: /manage/data/:id',
  recordConsent: 'agency data: /manage/data/:id',
  issueSubjectKey: 'agency data: /manage/data/:id',
  revokeSubjectKeys: 'agency data: /manage/data/:id',
  verifyDataAccessLog: 'agency data: /manage/data/:id',
  revokeConsent: 'citizen: /me/data',
  dataSubject: 'citizen: /me/data',
  withdrawSubmission: 'company: /my/submissions/:id',
  serviceMutation: 'company: /my/services/:name/try',
  serviceQuery: 'company: /my/services/:name/try',
  service: 'public content or company: a service page',
  registerPublisherKey: 'platform admin: /admin/plugins/:name',
  setPluginConfig: 'platform admin: /admin/plugins/:name',
  uninstallPlugin: 'platform admin: /admin/plugins/:name',
  setServiceStatus: 'platform admin: /admin/services',
  pluginEventDeliveries: 'platform admin: /admin/deliveries',
  addMember: 'organization: /organization (members)',
};

const root = join(import.meta.dirname, '..');
const schema = buildSchema(readFileSync(join(root, '../../docs/reference/schema.graphql'), 'utf8'));

/** The portal's source files (not the generated src/gql/, not tests). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each `graphql(`…`)` document of the portal (codegen's client preset allows no interpolation in them). */
const documents = sources(join(root, 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*(?:\/\*[^*]*\*\/\s*)?`([^`]*)`/g)].map((m) => ({
    file: relative(root, file),
    text: m[1]!,
  })),
);

/** The root fields the documents select, by root type: parsed and walked with the schema, fragments included. */
const used = { Mutation: new Set<string>(), Query: new Set<string>() };
for (const { file, text } of documents) {
  const typeInfo = new TypeInfo(schema);
  let document;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${file}: a GraphQL document does not parse: ${(error as Error).message}`);
  }
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType()?.name;
        const field = typeInfo.getFieldDef()?.name;
        if (field && (parent === 'Mutation' || parent === 'Query')) used[parent].add(field);
      },
    }),
  );
}

const rootFields = (type: 'Mutation' | 'Query') =>
  Object.keys((schema.getType(type) as GraphQLObjectType).getFields()).sort();

describe("every operation of the schema has a screen in the portal, or a reason why it is the API's alone", () => {
  it("reads the portal's documents", () => {
    expect(documents.length).toBeGreaterThan(50);
    expect(used.Mutation.has('publishChallenge')).toBe(true);
    expect(used.Query.has('challenges')).toBe(true);
  });

  for (const type of ['Mutation', 'Query'] as const) {
    it(`sends every ${type.toLowerCase()} from a screen, apart from the API-only ones`, () => {
      const missing = rootFields(type).filter((name) => !used[type].has(name) && !(name in API_ONLY[type]));
      const explained = missing.map((name) => `${name}${PROMISED[name] ? ` (promised by ${PROMISED[name]})` : ''}`);
      expect(explained, `${type} fields no portal document sends`).toEqual([]);
    });

    it(`lists as API-only only ${type.toLowerCase()} fields that exist and that no screen sends, each with a reason`, () => {
      for (const [name, reason] of Object.entries(API_ONLY[type])) {
        expect(rootFields(type), name).toContain(name);
        expect(used[type].has(name), `${name} is sent by a screen: take it off API_ONLY`).toBe(false);
        expect(reason.length, name).toBeGreaterThan(20);
      }
    });
  }
});
