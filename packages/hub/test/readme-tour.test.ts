import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHub, tempDir, type HubProcess } from './helpers.js';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');
const tour = /<!-- tour:start -->\n```bash\n([\s\S]+?)```\n<!-- tour:end -->/.exec(readme)?.[1];

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('the README tour', () => {
  let hub: HubProcess;
  let script: string;
  beforeAll(async () => {
    expect(tour, 'README.md has a ```bash block between <!-- tour:start --> and <!-- tour:end -->').toBeTruthy();
    // On port 4000 the commands run exactly as written; if it is taken, only the port is changed.
    const port = (await portFree(4000)) ? '4000' : '0';
    hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-tour-'), PORT: port }, ['--demo']);
    const actual = new URL(hub.url).port;
    script = tour!.replaceAll('localhost:4000', `localhost:${actual}`);
  }, 60_000);
  afterAll(() => {
    hub?.child.kill('SIGTERM');
  });

  it('runs as written and shows what it says', async () => {
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { timeout: 30_000 });
    expect(stdout).toContain('{"status":"ok"}');
    expect(stdout).toContain('{"status":"ready","store":"sqlite"}');
    expect(stdout).toContain('"parent":{"name":"Ministry of the Interior and Safety (행정안전부)"}');
    expect(stdout).toMatch(
      /"challenges":\{"totalCount":6,"nodes":\[\{"title":"[^"]+","agency":\{"name":"[^"]+"\},"submissionDeadline":"[^"]+"\}/,
    );
    expect(stdout).toContain(
      '"viewer":{"name":"Maru Operator","roles":["PLATFORM_ADMIN"],"organization":{"name":"Maru Platform"}}',
    );
    expect(stdout).toMatch(
      /"createApiKey":\{"secret":"maru_[A-Za-z0-9_-]+","apiKey":\{"prefix":"maru_[^"]+","scopes":\["READ"\],"status":"ACTIVE"\}\}/,
    );
    expect(stdout).toContain('{"seq":2,"action":"apiKey.create","outcome":"SUCCESS"}');
    expect(stdout).toContain('"verifyAuditChain":{"ok":true,"checked":2}');
    expect(stdout).toMatch(
      /"addressLookup":\{"search":\{"total":\d+,"addresses":\[\{"roadAddress":"[^"]*세종대로[^"]*","postcode":"\d{5}"\}/,
    );
    expect(stdout).toMatch(
      /"dataConnections":\{"totalCount":1,"nodes":\[\{"name":"[^"]*bus stops[^"]*","classification":"PUBLIC","recordCount":400,"records":\{"nodes":\[\{"data":\{"stop_id":/,
    );
    expect(stdout).toMatch(/"records":\{"nodes":\[\{"data":\{"name":"[^"]+","district":"[^"]+"\},"masked":\[\]\}/);
    expect(stdout).toMatch(/"insights":\{"participation":\{"challenges":\[\{"title":"[^"]+","entries":\d+\}/);
    // Once-only documents: issued by MOIS, held by Hanbit Data, presented by reference and verified with the issuer.
    expect(stdout).toContain(
      '"heldDocuments":{"nodes":[{"type":"business-registration","status":"VALID","issuerOrganization":{"name":"Ministry of the Interior and Safety (행정안전부)"}}]}',
    );
    expect(stdout).toMatch(/"verifyDocumentPresentation":\{"valid":true,"message":"[^"]+"\}/);
    // The pilot: what the winner's plugin asks for, approved exactly, and launched as a PILOT service.
    expect(stdout).toContain(
      '"pilotLaunchPreview":{"name":"@acme/maru-business-status","version":"1.0.0","signatureValid":true,"capabilities":[{"name":"fetch","hosts":["bizreg.acme.example"]},{"name":"kv","hosts":[]}]}',
    );
    expect(stdout).toContain(
      '"launchPilotService":{"plugin":{"status":"ENABLED","grantedCapabilities":["fetch","kv"]},"services":[{"key":"business-status","status":"PILOT"}]}',
    );
    expect(stdout).toContain('"@type":"dcat:Catalog"');
    expect(stdout).toContain('"code":"BAD_USER_INPUT","field":"first"');
    expect(stdout).not.toContain('"INTERNAL"');
  });
});
