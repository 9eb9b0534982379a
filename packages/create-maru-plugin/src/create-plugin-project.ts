import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateError } from './create-error.js';
import { localTarballs } from './local-tarballs.js';
import { isPackageName, namespaceOf, serviceKeyOf, serviceNameOf } from './names.js';
import { TEMPLATE_VERSIONS } from './template-versions.js';

/** What {@link createPluginProject} takes. */
export interface CreatePluginProjectOptions {
  /** The folder to create, e.g. `my-plugin`; a scoped name `@acme/maru-hello` creates `maru-hello`. */
  target: string;
  /** The package name. Default: `target` when it is a scoped name, else the folder's name. */
  name?: string;
  /** The publishing organization, in the manifest. Default `My organization`. */
  publisher?: string;
  /** A folder of packed Maru tarballs (`maru-sdk-0.1.0.tgz`, …) to depend on instead of the registry. */
  local?: string;
  /** Where relative paths start. Default: the process's working folder. */
  cwd?: string;
}

export interface CreatedPluginProject {
  dir: string;
  name: string;
  serviceKey: string;
  /** The files written, relative to `dir`. */
  files: string[];
}

const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));

function* templateFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* templateFiles(path);
    else yield relative(TEMPLATE_DIR, path);
  }
}

/**
 * Writes a new plugin project: package.json (built with `maru build` for
 * plugin API 2), the sample plugin, its tests against the test harness,
 * TypeScript and vitest configuration, .gitignore and README. Makes no network call; refuses a folder that exists
 * and is not empty.
 */
export function createPluginProject(options: CreatePluginProjectOptions): CreatedPluginProject {
  const cwd = options.cwd ?? process.cwd();
  const scoped = /^@[^/]+\/[^/]+$/.test(options.target);
  const dir = resolve(cwd, scoped ? options.target.split('/')[1]! : options.target);
  const name = options.name ?? (scoped ? options.target : basename(dir));
  if (!isPackageName(name))
    throw new CreateError(
      `"${name}" is not an npm package name — use lowercase letters, digits and -, e.g. my-plugin or @acme/maru-hello (or pass --name)`,
    );
  const shown = relative(cwd, dir) || dir;
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new CreateError(`${shown}: the folder exists and is not empty — choose another name, or empty it first`);
  }
  const local = options.local ? localTarballs(resolve(cwd, options.local)) : null;
  const serviceKey = serviceKeyOf(name);
  const values: Record<string, string> = {
    name,
    publisher: (options.publisher ?? 'My organization').replace(/['\\]/g, ''),
    serviceKey,
    serviceName: serviceNameOf(serviceKey),
    namespace: namespaceOf(serviceKey),
    pluginApi: TEMPLATE_VERSIONS.pluginApi,
  };
  const files: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files.push(path);
  };
  mkdirSync(dir, { recursive: true });
  write('package.json', `${JSON.stringify(packageJson(name, local), null, 2)}\n`);
  for (const file of templateFiles(TEMPLATE_DIR)) {
    // npm renames a published .gitignore to .npmignore, so the template ships it as `gitignore`.
    const target = file === 'gitignore' ? '.gitignore' : file;
    write(
      target.split('\\').join('/'),
      readFileSync(join(TEMPLATE_DIR, file), 'utf8').replace(
        /\{\{(\w+)\}\}/g,
        (match, key: string) => values[key] ?? match,
      ),
    );
  }
  return { dir, name, serviceKey, files };
}

function packageJson(name: string, local: Record<string, string> | null) {
  const v = TEMPLATE_VERSIONS;
  const maru = (pkg: '@maru/sdk' | '@maru/testing' | '@maru/cli') => local?.[pkg] ?? v[pkg];
  return {
    name,
    version: '0.1.0',
    description: 'A Maru plugin.',
    type: 'module',
    sideEffects: false,
    // The bundle maru build writes, described by maru-plugin.json; both are what a hub loads and the signature covers.
    main: './dist/plugin.js',
    exports: { '.': './dist/plugin.js', './package.json': './package.json' },
    files: ['dist', 'maru-plugin.json', 'maru-signature.json'],
    scripts: {
      build: 'maru build',
      pretest: 'npm run build',
      test: 'vitest run',
      typecheck: 'tsc --noEmit',
      validate: 'maru validate',
      sign: 'maru sign',
      hub: 'maru hub --plugin .',
      dev: 'maru dev',
    },
    // No runtime dependencies: maru build bundles @maru/sdk and zod into dist/plugin.js, which the hub runs in an isolate.
    devDependencies: {
      '@maru/cli': maru('@maru/cli'),
      '@maru/sdk': maru('@maru/sdk'),
      '@maru/testing': maru('@maru/testing'),
      '@types/node': v['@types/node'],
      typescript: v.typescript,
      vitest: v.vitest,
      zod: v.zod,
    },
    // Local tarballs stand in for the Maru packages everywhere in the tree, not only at the top.
    ...(local ? { overrides: local } : {}),
    engines: { node: '>=24' },
  };
}
