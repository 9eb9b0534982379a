/**
 * The signed plugin package a winning company uploads for its awarded submission, checked whole before anything is
 * kept: a tarball that reads safely (pilot-archive.ts), a signature by a key registered to that very company, the
 * name and version the submission names, an API-2 bundle and a manifest this hub is compatible with. Kept in the store
 * (every hub of a deployment reads it there) and unpacked into each hub's own folder when it must run.
 */
import { isCompatible, validateManifest, type PluginManifest } from '@maru/sdk';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Challenge, ChallengeService, Submission, SubmissionService } from '../challenges/index.js';
import { badInput, conflict, forbidden, MaruError, notFound } from '../errors.js';
import { requireScope, type Viewer } from '../identity/index.js';
import type { Collection } from '../store/port.js';
import type { PilotPackage, PublisherKey } from './model.js';
import { readPackageArchive, writePackageFolder } from './pilot-archive.js';
import { PackageBytes, sha256Hex, type PackageChunk } from './pilot-package-bytes.js';
import { PLUGIN_PACKAGE_FILE, readPluginPackage } from './plugin-package.js';
import { verifyPackage, type SignatureCheck } from './signature.js';

/** How a plugin record names an uploaded package's bundle on every hub: `maru-package:<sha256>/<bundle path>`. */
export const PACKAGE_REF = 'maru-package:';

export const packageRef = (pkg: Pick<PilotPackage, 'sha256' | 'bundle'>) => `${PACKAGE_REF}${pkg.sha256}/${pkg.bundle}`;

const invalid = (reason: string) =>
  new MaruError('PACKAGE_INVALID', `\`file\`: the package is refused: ${reason}.`, { field: 'file' });

export interface PilotPackagesDeps {
  packages: Collection<PilotPackage>;
  chunks: Collection<PackageChunk>;
  keys: Collection<PublisherKey>;
  challenges: ChallengeService;
  submissions: SubmissionService;
  clock: () => number;
  /** This hub's folder of unpacked packages. */
  dir: string;
}

export class PilotPackages {
  private readonly bytes: PackageBytes;

  constructor(private readonly deps: PilotPackagesDeps) {
    this.bytes = new PackageBytes(deps.chunks);
  }

  /** The package uploaded for a submission, if any. */
  ofSubmission(submissionId: string): Promise<PilotPackage | null> {
    return this.deps.packages.findOne({ _id: submissionId });
  }

  /** The winning company's upload for its awarded submission (members of that company with a WRITE key). */
  async upload(viewer: Viewer | null, submissionId: string, file: File): Promise<PilotPackage> {
    requireScope(viewer, 'WRITE');
    const { submission, challenge } = await this.deps.submissions.requireReadable(viewer, submissionId);
    if (submission.organizationId !== viewer.organization._id)
      throw forbidden('Only the company that made the winning submission uploads its plugin package.');
    this.requireWinner(challenge, submission);
    const wanted = submission.pluginPackage;
    if (!wanted)
      throw badInput('submissionId', 'The submission names no plugin package (name and exact version) to upload.');
    if ((await this.ofSubmission(submission._id))?.launchedAt)
      throw conflict('This submission’s package was launched as a pilot already; it cannot be replaced.');

    const bytes = new Uint8Array(await file.arrayBuffer());
    const archive = await readPackageArchive(bytes);
    if (!archive.ok) throw invalid(archive.reason);
    const sha256 = sha256Hex(bytes);
    const incoming = join(this.deps.dir, '.incoming', randomUUID());
    await writePackageFolder(archive.files, incoming);
    try {
      const checked = await this.check(incoming, submission, wanted);
      const target = join(this.deps.dir, sha256);
      if (existsSync(target)) await rm(incoming, { recursive: true, force: true });
      else await rename(incoming, target).catch(() => rm(incoming, { recursive: true, force: true }));
      await this.bytes.put(sha256, bytes);
      const record: PilotPackage = {
        _id: submission._id,
        challengeId: challenge._id,
        organizationId: submission.organizationId,
        name: wanted.name,
        version: wanted.version,
        sha256,
        sizeBytes: bytes.byteLength,
        bundle: checked.bundle,
        keyId: checked.keyId,
        manifestJson: JSON.stringify(checked.manifest),
        uploadedById: viewer.member._id,
        uploadedAt: new Date(this.deps.clock()).toISOString(),
        launchedAt: null,
        launchedById: null,
      };
      const { _id, ...fields } = record;
      await this.deps.packages.findOneAndUpdate({ _id }, { $set: fields }, { upsert: true });
      return record;
    } catch (error) {
      await rm(incoming, { recursive: true, force: true });
      throw error;
    }
  }

  private requireWinner(challenge: Challenge, submission: Submission): void {
    if (challenge.status !== 'AWARDED' || !challenge.winnerSubmissionIds.includes(submission._id))
      throw conflict(
        `Only a winning submission of an AWARDED challenge uploads a pilot package; this challenge is ${challenge.status}` +
          (challenge.status === 'AWARDED' ? ' and the submission did not win.' : '.'),
      );
  }

  /** Signature (by a key of the submitting company), package shape, name and version, manifest, compatibility. */
  private async check(dir: string, submission: Submission, wanted: { name: string; version: string }) {
    const keys = await this.trustedKeys();
    const signature = verifyPackage(dir, keys);
    if (!signature.ok)
      throw new MaruError('PACKAGE_SIGNATURE_INVALID', `\`file\`: the signature is refused: ${signature.reason}.`, {
        field: 'file',
      });
    const key = keys.get(signature.keyId)!;
    if (key.organizationId !== submission.organizationId)
      throw new MaruError(
        'PACKAGE_SIGNER_NOT_WINNER',
        `\`file\`: it is signed with the key "${signature.keyId}", which is not registered to the winning company; ` +
          'sign with a key a platform admin registered for your organization.',
        { field: 'file' },
      );
    const bundle = bundleOf(dir);
    const pkg = bundle ? readPluginPackage(dir, join(dir, bundle)) : null;
    if (!bundle || !pkg || pkg.api !== 2)
      throw invalid(
        pkg?.api === null ? pkg.problem : `it has no ${PLUGIN_PACKAGE_FILE} of plugin API 2; build it with maru build`,
      );
    const manifest = pkg.manifest;
    if (manifest.name !== wanted.name || manifest.version !== wanted.version)
      throw new MaruError(
        'PACKAGE_MISMATCH',
        `\`file\`: the package is ${manifest.name}@${manifest.version}, not the ${wanted.name}@${wanted.version} ` +
          'the submission names.',
        { field: 'file' },
      );
    const problems = validateManifest(manifest).map((p) => `${p.path}: ${p.message}`);
    if (problems.length) throw invalid(`its manifest is not valid (${problems.slice(0, 3).join('; ')})`);
    if (!isCompatible(manifest.compatibility))
      throw invalid(`its compatibility "${manifest.compatibility}" does not accept this hub's plugin API`);
    if (manifest.publisher !== key.publisher)
      throw new MaruError(
        'PACKAGE_SIGNER_NOT_WINNER',
        `\`file\`: the manifest's publisher "${manifest.publisher}" is not the key's publisher "${key.publisher}".`,
        { field: 'file' },
      );
    return { bundle, manifest: manifest as PluginManifest, keyId: signature.keyId };
  }

  private async trustedKeys() {
    return new Map(
      (await this.deps.keys.find({}, { limit: 1000 })).map(
        (k) => [k._id, { publicKey: k.publicKey, publisher: k.publisher, organizationId: k.organizationId }] as const,
      ),
    );
  }

  /** The signature of an uploaded package as this hub checks it now (keys may have changed since the upload). */
  async signatureNow(pkg: PilotPackage): Promise<SignatureCheck> {
    return verifyPackage(await this.folderOf(pkg.sha256), await this.trustedKeys());
  }

  /** Marks a package launched (the pilot service's last step). */
  async markLaunched(viewer: Viewer, submissionId: string): Promise<void> {
    await this.deps.packages.findOneAndUpdate(
      { _id: submissionId },
      { $set: { launchedAt: new Date(this.deps.clock()).toISOString(), launchedById: viewer.member._id } },
    );
  }

  /**
   * The local path of a `maru-package:` reference, unpacking the tarball from the store first when this hub has not
   * yet (another hub took the upload, or this one restarted on a fresh disk). Any other entry is returned as it is.
   */
  async localEntry(entry: string): Promise<string> {
    if (!entry.startsWith(PACKAGE_REF)) return entry;
    const rest = entry.slice(PACKAGE_REF.length);
    const slash = rest.indexOf('/');
    const sha256 = rest.slice(0, slash);
    const path = rest.slice(slash + 1);
    if (!/^[0-9a-f]{64}$/.test(sha256) || path.split('/').some((s) => s === '..' || s === '')) return entry;
    return join(await this.folderOf(sha256), path);
  }

  private async folderOf(sha256: string): Promise<string> {
    const dir = join(this.deps.dir, sha256);
    if (existsSync(dir)) return dir;
    const bytes = await this.bytes.get(sha256);
    if (!bytes) throw notFound('plugin package', sha256);
    const archive = await readPackageArchive(bytes);
    if (!archive.ok) throw invalid(archive.reason);
    await writePackageFolder(archive.files, dir);
    return dir;
  }
}

/** The bundle path maru-plugin.json names, or null. */
function bundleOf(dir: string): string | null {
  try {
    const described = JSON.parse(readFileSync(join(dir, PLUGIN_PACKAGE_FILE), 'utf8')) as { bundle?: unknown };
    return typeof described.bundle === 'string' ? described.bundle.replace(/^\.\//, '') : null;
  } catch {
    return null;
  }
}
