import { packageDigest, SIGNATURE_FILE, verifyPackage, type PackageSignature } from '@maru/core';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBundlePackage, checkSymlinks } from './check-plugin-files.js';
import { checkManifest, LEGACY_WORKERS_ENV, readPluginPackage, type PluginPackage } from './plugin-package.js';
import { keyFileOf, readSigningKey, type SigningKey } from './signing-key.js';
import { MARU_DIR, stagePackage } from './stage-package.js';

export type SignatureStatus =
  | { state: 'unsigned' }
  | { state: 'valid'; keyId: string; /** Signed with the key in `.maru/` (or `--key`). */ local: boolean }
  | { state: 'invalid'; problem: string };

/** A plugin folder, checked: what a hub would refuse, and its signature. */
export interface Inspection {
  plugin: PluginPackage | null;
  problems: string[];
  /** What a hub loads but warns about: a plugin API 1 package on a hub that allows legacy plugins. */
  warnings: string[];
  /** The package as published, copied (when the plugin could be read); see `stageDir` of {@link inspectPlugin}. */
  stageDir: string | null;
  signature: SignatureStatus;
  /** The local signing key, when there is one. */
  key: SigningKey | null;
  /** Removes the staged copy when it was made in a temporary folder. */
  discard(): void;
}

/**
 * Runs every check a hub makes before loading a plugin, on the folder:
 * package.json and the built entry, the manifest and its compatibility, the
 * files npm would publish, and the signature against those files.
 */
export async function inspectPlugin(
  dir: string,
  options: {
    env?: NodeJS.ProcessEnv;
    keyFile?: string;
    /** Where to copy the package; default a temporary folder, removed by `discard()`. */ stageDir?: string;
  } = {},
): Promise<Inspection> {
  const env = options.env ?? process.env;
  const read = await readPluginPackage(dir);
  const unsigned: SignatureStatus = { state: 'unsigned' };
  const temporary = options.stageDir ? null : mkdtempSync(join(tmpdir(), 'maru-package-'));
  const discard = () => temporary && rmSync(temporary, { recursive: true, force: true });
  if (!read.plugin) {
    discard();
    return {
      plugin: null,
      problems: read.problems,
      warnings: [],
      stageDir: null,
      signature: unsigned,
      key: null,
      discard,
    };
  }
  const plugin = read.plugin;
  const { problems, warnings } = checkManifest(plugin, { legacyAllowed: env[LEGACY_WORKERS_ENV] === '1' });
  // npm leaves symbolic links out without a word, so the staged copy cannot show them.
  problems.push(...checkSymlinks(plugin));
  let key: SigningKey | null = null;
  try {
    key = readSigningKey(keyFileOf(dir, options.keyFile, env), plugin.manifest.publisher ?? '');
  } catch (error) {
    problems.push((error as Error).message);
  }
  let staged: { stageDir: string; files: string[] };
  try {
    staged = await stagePackage(dir, options.stageDir ?? join(temporary!, 'package'), env);
  } catch (error) {
    problems.push(`package.json: ${(error as Error).message}`);
    discard();
    return { plugin, problems, warnings, stageDir: null, signature: unsigned, key, discard };
  }
  const { stageDir, files } = staged;
  if (!files.includes(plugin.entryPath))
    problems.push(
      `package.json: "files" leaves out ${plugin.entryPath}, so the published package would not hold the plugin — add "${plugin.entryPath.split('/')[0]}" to "files"`,
    );
  const secrets = files.filter((f) => f === MARU_DIR || f.startsWith(`${MARU_DIR}/`));
  if (plugin.api === 2) problems.push(...(await checkBundlePackage(plugin, files)));
  if (secrets.length)
    problems.push(
      `package.json: the package would publish ${secrets.join(', ')} (your signing key) — list only what the plugin needs in "files", e.g. ["dist"], and add .maru/ to .gitignore`,
    );
  const signatureFile = join(dir, SIGNATURE_FILE);
  if (!existsSync(signatureFile)) return { plugin, problems, warnings, stageDir, signature: unsigned, key, discard };
  if (!files.includes(SIGNATURE_FILE))
    problems.push(`package.json: add "${SIGNATURE_FILE}" to "files" — without it the published package is unsigned`);
  // Checked in the staged copy, where the hub will find it.
  copyFileSync(signatureFile, join(stageDir, SIGNATURE_FILE));
  const signature = checkSignature(stageDir, readFileSync(signatureFile, 'utf8'), key, plugin.manifest.publisher);
  if (signature.state === 'invalid') problems.push(signature.problem);
  return { plugin, problems, warnings, stageDir, signature, key, discard };
}

function checkSignature(stageDir: string, text: string, key: SigningKey | null, publisher: string): SignatureStatus {
  let signature: PackageSignature;
  try {
    signature = JSON.parse(text) as PackageSignature;
  } catch {
    return { state: 'invalid', problem: `${SIGNATURE_FILE}: not valid JSON — delete it and run maru sign` };
  }
  if (key && signature.keyId === key.keyId) {
    const check = verifyPackage(stageDir, new Map([[key.keyId, { publicKey: key.publicKeyPem, publisher }]]));
    return check.ok
      ? { state: 'valid', keyId: key.keyId, local: true }
      : { state: 'invalid', problem: `${SIGNATURE_FILE}: ${check.reason} — run maru sign again after the last build` };
  }
  // Signed with a key that is not here (another machine, CI): the files can still be checked against the signed digest.
  if (packageDigest(stageDir) !== signature.digest)
    return {
      state: 'invalid',
      problem: `${SIGNATURE_FILE}: the files changed after they were signed with key "${signature.keyId}" — run maru sign again after the last build`,
    };
  return { state: 'valid', keyId: signature.keyId, local: false };
}
