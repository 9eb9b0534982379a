import { signPackage, type HubServices } from '@maru/core';
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoClock } from './demo-clock.js';
import { seedViewer } from './seed-viewer.js';

/** The partner plugin of examples/partner-plugin, which the demo's awarded pilot challenge was won with. */
export const DEMO_PILOT_PACKAGE = { name: '@acme/maru-business-status', version: '1.0.0' };
export const DEMO_PILOT_TITLE = '사업자 휴업·폐업 상태 확인 서비스';
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
 * Seeds the challenge → pilot loop at its last step: a challenge of MOIS published ten weeks ago, closed a month ago and
 * awarded last week to Hanbit Data's submission, which names the example partner plugin (its history walked with
 * `clock` standing at each step, as in demo-challenges.ts); the publisher key Hanbit Data signs with registered to it;
 * the signed package uploaded today (and left in `folder` to upload again). A platform admin then launches it from the
 * portal. Idempotent: a challenge with the title is left as it is.
 */
export async function seedDemoPilot(services: HubServices, folder: string, clock: DemoClock): Promise<DemoPilotResult> {
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
  const winner = await clock.history(async (at, start) => {
    at(-70);
    let challenge = await services.challenges.create(manager, (await member('manager@mois.example')).organizationId, {
      title: DEMO_PILOT_TITLE,
      summary: '사업자등록번호 하나로 거래 상대가 휴업·폐업했는지 어느 기관이든 바로 확인합니다.',
      problemStatement:
        '## 문제\n\n보조금이나 계약 상대가 휴업·폐업했는지 확인하려면 담당자가 국세청 누리집에서 한 건씩 조회합니다.\n\n## 기대 결과\n\n- 여러 기관이 함께 쓰는 사업자 상태 확인 공유 서비스\n- 조회 기록이 남는 API',
      tags: ['사업자', '공유서비스', '자격확인'],
      type: 'PROTOTYPE',
      criteria: [{ key: 'impact', name: '공공 효과', weight: 100 }],
      submissionDeadline: new Date(start - 30 * day).toISOString(),
      evaluationEnd: new Date(start - 8 * day).toISOString(),
    });
    at(-70 + 1 / 24);
    challenge = await services.challenges.transition(manager, challenge._id, 'publish');
    const entries = [];
    for (const [i, [viewer, title, pluginPackage]] of (
      [
        [companyViewer, '한빛 사업자 상태 확인 플러그인', DEMO_PILOT_PACKAGE],
        [rival, '세종 사업자 조회', null],
      ] as const
    ).entries()) {
      at(-50 + i * 3);
      const draft = await services.submissions.create(viewer, challenge._id, {
        title,
        proposal: '### 접근 방법\n\n어느 기관이든 공유 서비스로 부를 수 있는 Maru 플러그인으로 만듭니다.',
        pluginPackage,
      });
      at(-40 + i * 3);
      entries.push(await services.submissions.submit(viewer, draft._id, true));
    }
    // The panel of every demo challenge: MOIS's reviewer and MSIT's manager, each declaring no conflict before scoring.
    const panel = [await member('reviewer@mois.example'), await member('manager@msit.example')];
    at(-45);
    await services.challenges.assignReviewers(
      manager,
      challenge._id,
      panel.map((m) => m._id),
    );
    at(-30);
    await services.challenges.transition(manager, challenge._id, 'close');
    at(-29);
    await services.challenges.transition(manager, challenge._id, 'startEvaluation');
    for (const [r, reviewerMember] of panel.entries()) {
      const reviewer = await seedViewer(services, reviewerMember);
      at(-25 + r * 3);
      await services.reviews.declareNoConflict(reviewer, challenge._id, {
        statement: '응모한 회사와 이해관계가 없습니다.',
      });
      for (const [i, entry] of entries.entries())
        await services.reviews.score(reviewer, entry._id, {
          scores: [
            {
              criterionKey: 'impact',
              score: 9 - i * 3 - r,
              comment: [
                ['모든 기관에 필요한 서비스입니다.', '조회 기록이 남아 감사에 유리합니다.'],
                ['조회 범위가 좁습니다.', '장애 때 대체 수단이 없습니다.'],
              ][i]![r]!,
            },
          ],
        });
    }
    at(-7);
    await services.reviews.award(manager, challenge._id, {
      winners: [{ submissionId: entries[0]!._id, note: '시범 서비스로 출시합니다.' }],
    });
    return entries[0]!;
  });
  const bytes = readFileSync(signed.tarball);
  await services.pilots.packages.upload(
    companyViewer,
    winner._id,
    new File([bytes], DEMO_PILOT_TARBALL, { type: 'application/gzip' }),
  );
  return { tarball: signed.tarball, created: true };
}
