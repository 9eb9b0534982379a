import { signPackage, type HubServices } from '@maru/core';
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedViewer } from './seed-viewer.js';

/** The partner plugin of examples/partner-plugin, which the demo's awarded pilot challenge was won with. */
export const DEMO_PILOT_PACKAGE = { name: '@acme/maru-business-status', version: '1.0.0' };
export const DEMO_PILOT_TITLE = '사업자 상태 확인 서비스 — Business status checks for every agency';
/** The file name of the signed tarball the demo leaves in its data folder, for the winning company to upload. */
export const DEMO_PILOT_TARBALL = 'acme-maru-business-status-1.0.0.tgz';

export interface DemoPilotResult {
  /** The signed tarball (`maru pack`'s shape) the winning company uploads; null when the example is not built. */
  tarball: string | null;
  created: boolean;
}

/** The example's built package folder, or null when it is not installed in this workspace or not built. */
function examplePackageDir(): string | null {
  try {
    const entry = fileURLToPath(import.meta.resolve(DEMO_PILOT_PACKAGE.name));
    const dir = dirname(dirname(entry));
    return existsSync(join(dir, 'maru-plugin.json')) && existsSync(entry) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Signs the built example as its publisher would (`maru sign` + `maru pack`), with a demo key kept in the data folder:
 * the files package.json publishes, in `package/`, gzipped.
 */
function signedTarball(source: string, folder: string): { tarball: string; keyId: string; publicKeyPem: string } {
  const keyFile = join(folder, 'demo-publisher-key.pem');
  mkdirSync(folder, { recursive: true });
  if (!existsSync(keyFile))
    writeFileSync(
      keyFile,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      { mode: 0o600 },
    );
  const privateKeyPem = readFileSync(keyFile, 'utf8');
  const publicKey = createPublicKey(createPrivateKey(privateKeyPem));
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyId = `acme-demo-${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 12)}`;
  const stage = join(folder, 'stage');
  rmSync(stage, { recursive: true, force: true });
  const files = (JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { files: string[] }).files;
  for (const file of ['package.json', ...files])
    if (existsSync(join(source, file))) cpSync(join(source, file), join(stage, 'package', file), { recursive: true });
  signPackage(join(stage, 'package'), privateKeyPem, keyId);
  const tarball = join(folder, DEMO_PILOT_TARBALL);
  execFileSync('tar', ['-czf', tarball, '-C', stage, 'package']);
  rmSync(stage, { recursive: true, force: true });
  return { tarball, keyId, publicKeyPem };
}

/**
 * Seeds the challenge → pilot loop at its last step: an awarded challenge of MOIS won by Hanbit Data's submission,
 * which names the example partner plugin; the publisher key Hanbit Data signs with registered to it; the signed
 * package uploaded (and left in `folder` to upload again). A platform admin then launches it from the portal.
 * Idempotent: a challenge with the title is left as it is.
 */
export async function seedDemoPilot(services: HubServices, folder: string): Promise<DemoPilotResult> {
  const source = examplePackageDir();
  if (!source) return { tarball: null, created: false };
  const signed = signedTarball(source, folder);
  const member = async (email: string) => (await services.members.byEmail(email))!;
  const company = await member('admin@hanbit.example');
  await services.plugins.trustPublisherKey({
    _id: signed.keyId,
    publisher: 'Acme Inc.',
    publicKey: signed.publicKeyPem,
    organizationId: company.organizationId,
    registeredById: 'system',
  });
  if ((await services.challenges.titlesTaken([DEMO_PILOT_TITLE])).size)
    return { tarball: signed.tarball, created: false };

  const manager = await seedViewer(services, await member('manager@mois.example'));
  const companyViewer = await seedViewer(services, company);
  const rival = await seedViewer(services, await member('admin@sejong-civic.example'));
  const day = 86_400_000;
  let challenge = await services.challenges.create(manager, (await member('manager@mois.example')).organizationId, {
    title: DEMO_PILOT_TITLE,
    summary: '사업자등록번호로 휴·폐업 여부를 즉시 확인합니다. Check at once whether a business is active or closed.',
    tags: ['business', 'identity', '사업자'],
    type: 'PROTOTYPE',
    criteria: [{ key: 'impact', name: '공공 효과 Public impact', weight: 100 }],
    submissionDeadline: new Date(Date.now() + 10 * day).toISOString(),
    evaluationEnd: new Date(Date.now() + 40 * day).toISOString(),
  });
  challenge = await services.challenges.transition(manager, challenge._id, 'publish');
  const entries = [];
  for (const [viewer, title, pluginPackage] of [
    [companyViewer, 'Hanbit business status plugin', DEMO_PILOT_PACKAGE],
    [rival, 'Sejong status lookup', null],
  ] as const) {
    const draft = await services.submissions.create(viewer, challenge._id, {
      title,
      proposal: 'A Maru plugin any agency can call as a shared service.',
      pluginPackage,
    });
    entries.push(await services.submissions.submit(viewer, draft._id, true));
  }
  // The panel of every demo challenge: MOIS's reviewer and MSIT's manager, each declaring no conflict before scoring.
  const panel = [await member('reviewer@mois.example'), await member('manager@msit.example')];
  await services.challenges.assignReviewers(
    manager,
    challenge._id,
    panel.map((m) => m._id),
  );
  await services.challenges.transition(manager, challenge._id, 'close');
  await services.challenges.transition(manager, challenge._id, 'startEvaluation');
  const reviews = services.reviews as { declareNoConflict?: (v: never, id: string) => Promise<unknown> };
  for (const [r, reviewerMember] of panel.entries()) {
    const reviewer = await seedViewer(services, reviewerMember);
    if (reviews.declareNoConflict) await reviews.declareNoConflict.call(services.reviews, reviewer, challenge._id);
    for (const [i, entry] of entries.entries())
      await services.reviews.score(reviewer, entry._id, {
        scores: [{ criterionKey: 'impact', score: 9 - i * 3 - r, comment: 'Every agency needs it.' }],
      });
  }
  await services.reviews.award(manager, challenge._id, {
    winners: [{ submissionId: entries[0]!._id, note: '시범 서비스로 출시합니다. Goes to pilot.' }],
  });
  const bytes = readFileSync(signed.tarball);
  await services.pilots.packages.upload(
    companyViewer,
    entries[0]!._id,
    new File([bytes], DEMO_PILOT_TARBALL, { type: 'application/gzip' }),
  );
  return { tarball: signed.tarball, created: true };
}
