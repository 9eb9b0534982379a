import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

const CATALOGUE = '{ dataConnections(first: 20) { totalCount nodes { id name classification recordCount status } } }';

interface Listed {
  id: string;
  name: string;
  classification: string;
  recordCount: number;
  status: string;
}

describe('demo data connections in the hub process', () => {
  const dataDir = tempDir('maru-demo-data-');
  let hub: HubProcess;
  let base: string;
  let listed: Listed[];
  beforeAll(async () => {
    hub = await spawnHub({ MARU_DATA_DIR: dataDir }, ['--demo']);
    base = hub.url.replace(/\/graphql$/, '');
    listed = (await gql(hub.url, CATALOGUE)).body.data.dataConnections.nodes;
  }, 60_000);
  afterAll(async () => {
    if (hub.child.exitCode === null) hub.child.kill('SIGKILL');
  });

  const byClassification = (classification: string) => listed.find((c) => c.classification === classification)!;

  it('connects and syncs five datasets: three PUBLIC, one RESTRICTED, one PERSONAL', () => {
    expect(listed).toHaveLength(5);
    expect(listed.map((c) => c.classification).sort()).toEqual([
      'PERSONAL',
      'PUBLIC',
      'PUBLIC',
      'PUBLIC',
      'RESTRICTED',
    ]);
    for (const connection of listed) {
      expect(connection.status).toBe('ACTIVE');
      expect(connection.recordCount).toBeGreaterThan(0);
    }
    expect(listed.find((c) => c.name.includes('bus stops'))!.recordCount).toBe(400);
  });

  it("serves a PUBLIC connection's records to anyone, and refuses the RESTRICTED one anonymously", async () => {
    const facilities = listed.find((c) => c.name.includes('sports facilities'))!;
    const open = await gql(
      hub.url,
      'query($id: ID!) { node(id: $id) { ... on DataConnection { records(first: 3) { totalCount nodes { key data } } } } }',
      { id: facilities.id },
    );
    expect(open.body.errors).toBeUndefined();
    const records = open.body.data.node.records;
    expect(records.totalCount).toBe(150);
    expect(records.nodes).toHaveLength(3);
    expect(records.nodes[0].data).toMatchObject({
      facility_id: records.nodes[0].key,
      district: expect.stringMatching(/구$/),
      capacity: expect.any(Number),
      lat: expect.any(Number),
    });

    const restricted = await gql(
      hub.url,
      'query($id: ID!) { node(id: $id) { ... on DataConnection { records(first: 3) { nodes { key } } } } }',
      { id: byClassification('RESTRICTED').id },
    );
    expect(restricted.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(restricted.body.data.node).toBeNull();
  });

  it('lets the demo company read the RESTRICTED data under its approval, and consented personal fields only', async () => {
    const login = await gql(hub.url, 'mutation { demoLogin(email: "dev@hanbit.example") { secret } }');
    const key = login.body.data.demoLogin.secret as string;
    const read = await gql(
      hub.url,
      'query($r: ID!, $p: ID!) { r: node(id: $r) { ... on DataConnection { records(first: 1) { nodes { data } } } } p: node(id: $p) { ... on DataConnection { records(first: 20) { nodes { key masked } } } } }',
      { r: byClassification('RESTRICTED').id, p: byClassification('PERSONAL').id },
      key,
    );
    expect(read.body.errors).toBeUndefined();
    expect(Object.keys(read.body.data.r.records.nodes[0].data)).toEqual([
      'payment_id',
      'business_no',
      'program',
      'amount',
      'paid_on',
    ]);
    // Records are keyed by payment number (RS-2026-0001 is YH-0001's), never by the person's id.
    const masked = Object.fromEntries(
      read.body.data.p.records.nodes.map((n: { key: string; masked: string[] }) => [n.key, n.masked]),
    );
    expect(masked['RS-2026-0001']).toEqual([]);
    expect(masked['RS-2026-0013']).toEqual(['phone']);
    expect(masked['RS-2026-0020']).toEqual(['subject_id', 'name', 'phone']);
  });

  it("prints a demo data subject key that shows the subject their consent and the company's read above", async () => {
    const key = /msk_[A-Za-z0-9_-]+/.exec(hub.stderr())![0];
    const me = await gql(
      hub.url,
      '{ dataSubject { subjectId consents(first: 5) { nodes { purpose } } accessLog(first: 5) { nodes { actorOrganization { name } } } } }',
      {},
      key,
    );
    expect(me.body.data.dataSubject.subjectId).toBe('YH-0001');
    expect(me.body.data.dataSubject.consents.nodes).toHaveLength(1);
    expect(me.body.data.dataSubject.accessLog.nodes[0].actorOrganization.name).toContain('Hanbit');
  });

  it('links demo challenges to the data they bear on', async () => {
    const res = await gql(hub.url, '{ challenges(first: 50) { nodes { title dataConnections { classification } } } }');
    const linked = res.body.data.challenges.nodes.filter(
      (c: { dataConnections: unknown[] }) => c.dataConnections.length > 0,
    );
    // Two are public (OPEN); the third, on youth housing, is a DRAFT its agency alone sees.
    expect(linked).toHaveLength(2);
    expect(
      linked
        .flatMap((c: { dataConnections: Array<{ classification: string }> }) =>
          c.dataConnections.map((d) => d.classification),
        )
        .sort(),
    ).toEqual(['PUBLIC', 'PUBLIC', 'RESTRICTED']);
  });

  it('seats no conflicted reviewer, and every reviewer who scored a demo challenge declared no conflict first', async () => {
    const login = async (email: string) =>
      (await gql(hub.url, `mutation($e: String!) { demoLogin(email: $e) { secret } }`, { e: email })).body.data
        .demoLogin.secret as string;
    const panels = `{ challenges(first: 50, filter: { statuses: [OPEN, CLOSED, EVALUATING, AWARDED] }) { nodes { id status panel { name conflictOfInterest declaredNoConflictAt } reviewProgress { reviewerName scored of } } } }`;
    type Seen = {
      id: string;
      status: string;
      panel: any[];
      reviewProgress: Array<{ reviewerName: string; scored: number; of: number }> | null;
    };
    const seen = new Map<string, Seen>();
    for (const manager of ['manager@mois.example', 'manager@msit.example']) {
      const res = await gql(hub.url, panels, {}, await login(manager));
      // Each agency sees the progress of its own challenges (the other's answer FORBIDDEN, field by field); the MSIT
      // manager also sits on every panel, so sees the panels of MOIS's challenges without their progress.
      for (const c of res.body.data.challenges.nodes as Seen[]) if (c.reviewProgress) seen.set(c.id, c);
    }
    // Six open, two closed, three under review and four awarded (demo-challenge-stories.ts), and the awarded challenge
    // the demo's pilot comes from (demo-pilot.ts).
    expect(seen.size).toBe(16);
    const finished: number[] = [];
    for (const c of seen.values()) {
      expect(c.panel.map((p) => p.conflictOfInterest)).toEqual([false, false]);
      if (c.status === 'EVALUATING') {
        // Review under way: a panelist has scored every entry or none yet, and whoever scored declared first.
        for (const progress of c.reviewProgress!) {
          expect([0, progress.of]).toContain(progress.scored);
          const seat = c.panel.find((p) => p.name === progress.reviewerName);
          if (progress.scored > 0) expect(seat.declaredNoConflictAt, seat.name).toEqual(expect.any(String));
          else expect(seat.declaredNoConflictAt, seat.name).toBeNull();
        }
        finished.push(c.reviewProgress!.filter((p) => p.scored > 0).length);
      }
      // Scored while evaluating (after the award no entry is in play, so progress counts none).
      if (c.status === 'AWARDED')
        for (const p of c.panel) expect(p.declaredNoConflictAt, p.name).toEqual(expect.any(String));
    }
    // One review not started, one half done, one ready for the award.
    expect(finished.sort()).toEqual([0, 1, 2]);
  });

  it('publishes the catalogue as DCAT-AP JSON-LD at /catalogue/dcat.jsonld, GET and HEAD', async () => {
    const res = await fetch(`${base}/catalogue/dcat.jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const catalogue = (await res.json()) as Record<string, any>;
    expect(catalogue['@type']).toBe('dcat:Catalog');
    expect(catalogue['@id']).toBe(`${base}/catalogue/dcat.jsonld`);
    const datasets = catalogue['dcat:dataset'] as Array<Record<string, any>>;
    expect(datasets).toHaveLength(5);
    for (const dataset of datasets) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      expect(dataset['dct:accessRights']['@id']).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/access-right\//,
      );
    }
    expect(datasets.filter((d) => d['dct:accessRights']['@id'].endsWith('/PUBLIC'))).toHaveLength(3);
    expect(datasets.find((d) => d['maru:classification'] === 'PERSONAL')!['dct:accessRights']['@id']).toMatch(
      /NON_PUBLIC$/,
    );

    const head = await fetch(`${base}/catalogue/dcat.jsonld`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/catalogue/dcat.jsonld`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it("serves each dataset's own DCAT entry at the @id the catalogue gives it; an unknown id is 404", async () => {
    const catalogue = (await (await fetch(`${base}/catalogue/dcat.jsonld`)).json()) as Record<string, any>;
    const listed = (catalogue['dcat:dataset'] as Array<Record<string, any>>)[0]!;
    const res = await fetch(listed['@id']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const entry = (await res.json()) as Record<string, any>;
    expect(entry['@context']).toEqual(catalogue['@context']);
    expect(entry['dcat:inCatalog']).toEqual({ '@id': `${base}/catalogue/dcat.jsonld` });
    const { '@context': _context, 'dcat:inCatalog': _inCatalog, ...same } = entry;
    expect(same).toEqual(listed);
    for (const unknown of [
      'nope',
      Buffer.from('DataConnection:missing').toString('base64url'),
      Buffer.from('Challenge:x').toString('base64url'),
    ]) {
      const missing = await fetch(`${base}/catalogue/datasets/${unknown}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: 'NOT_FOUND' });
    }
  });

  it('keeps the data across a restart without connecting or syncing it again', async () => {
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    const again = await spawnHub({ MARU_DATA_DIR: dataDir, MARU_PUBLIC_URL: 'https://maru.example.go.kr/' }, [
      '--demo',
    ]);
    try {
      const relisted = (await gql(again.url, CATALOGUE)).body.data.dataConnections;
      expect(relisted.totalCount).toBe(5);
      expect(relisted.nodes).toEqual(listed);
      expect(again.stdout()).toMatch(
        /"dataConnections":0,"dataSyncs":0,"dataApprovals":0,"consents":0,"msg":"demo data already present"/,
      );
      expect(again.stderr()).not.toContain('msk_');
      const catalogue = (await (
        await fetch(`${again.url.replace(/\/graphql$/, '')}/catalogue/dcat.jsonld`)
      ).json()) as Record<string, any>;
      expect(catalogue['@id']).toBe('https://maru.example.go.kr/catalogue/dcat.jsonld');
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 120_000);
});
