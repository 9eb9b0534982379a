import { execFile, spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs npm and collects its output; rejects with npm's own words when it fails. */
export function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      npm,
      args,
      { cwd, env, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `npm ${args.join(' ')} failed: ${(stderr || stdout || error.message).trim().split('\n').slice(-8).join('\n')}`,
            ),
          );
        else resolve(stdout);
      },
    );
  });
}

/** Runs an npm script with its output passed through to `write`; resolves with whether it succeeded. */
export function runScript(
  script: string,
  cwd: string,
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    child.stdout.on('data', (chunk: Buffer) => write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => write(chunk.toString()));
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}
