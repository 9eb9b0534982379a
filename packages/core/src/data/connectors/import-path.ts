import { constants, realpathSync } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { badInput } from '../../errors.js';
import { SourceError } from './connector.js';

const isInside = (folder: string, target: string) => {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

const cannotOpen = (path: string, error: unknown) =>
  new SourceError(
    `CSV file ${path} cannot be opened ` +
      `(${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check its permissions`,
  );

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Checks, when a connection is saved, that `path` stays inside the import
 * folder: relative, no `..` out of it, and — if the file is already there —
 * no symbolic link to somewhere else. A file that does not exist yet is
 * accepted (the operator may copy it in later); {@link openImportFile} checks again.
 */
export function checkImportPath(path: string, importDir: string): string {
  if (path.includes('\0'))
    throw badInput('connector.path', 'The path contains a NUL character; give a plain file name.');
  if (isAbsolute(path))
    throw badInput('connector.path', 'Give the path relative to the import folder, not an absolute path.');
  const full = resolve(importDir, path);
  if (!isInside(resolve(importDir), full))
    throw badInput('connector.path', 'The path leaves the import folder; give a path inside it, without `..`.');
  let real: string;
  try {
    real = realpathSync(full);
  } catch (error) {
    if (isMissing(error)) return relative(resolve(importDir), full);
    throw error;
  }
  if (!isInside(realpathSync(importDir), real)) {
    throw badInput(
      'connector.path',
      'The path is a symbolic link to a file outside the import folder; copy the file into the folder instead.',
    );
  }
  return relative(resolve(importDir), full);
}

/**
 * Opens an import file for reading. The link check is repeated here because
 * the folder may have changed since the connection was saved; the file is
 * then opened by its resolved path with O_NOFOLLOW, so a link swapped in
 * between the check and the open is refused rather than followed.
 */
export async function openImportFile(path: string, importDir: string): Promise<FileHandle> {
  const notFound = new SourceError(`CSV file ${path} not found in the import folder`);
  let root: string;
  let real: string;
  try {
    root = await realpath(importDir);
    real = await realpath(resolve(root, path));
  } catch (error) {
    throw isMissing(error) ? notFound : cannotOpen(path, error);
  }
  const outside = new SourceError(
    `CSV file ${path} resolves outside the import folder; copy the file into the folder instead of linking it`,
  );
  if (isAbsolute(path) || !isInside(root, real)) throw outside;
  let file: FileHandle;
  try {
    file = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (isMissing(error)) throw notFound;
    throw (error as NodeJS.ErrnoException).code === 'ELOOP' ? outside : cannotOpen(path, error);
  }
  if (!(await file.stat()).isFile()) {
    await file.close();
    throw new SourceError(`CSV path ${path} is not a file`);
  }
  return file;
}
