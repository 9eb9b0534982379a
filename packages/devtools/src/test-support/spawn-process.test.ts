import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnAndWait, spawnProcess } from './spawn-process.js';

const script = (source: string) => ['-e', source];
// Killed, or a zombie left to an init that does not reap (as in some containers).
const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/, ''));
  } catch {
    return false;
  }
};

describe('spawnAndWait', () => {
  it('resolves on the line, with the url and port it names, and collects both streams line by line', async () => {
    const started = await spawnAndWait({
      args: script(
        `console.error('warming up'); console.log('listening at http://127.0.0.1:4321/graphql'); setInterval(() => {}, 1000);`,
      ),
      waitFor: /listening at (?<url>\S+)/,
    });
    try {
      expect(started.url).toBe('http://127.0.0.1:4321/graphql');
      expect(started.port).toBe(4321);
      expect(started.match[0]).toBe('listening at http://127.0.0.1:4321/graphql');
      expect(started.lines).toContain('warming up');
      expect(started.stderr()).toBe('warming up\n');
    } finally {
      expect(await started.stop()).toBe(null);
    }
    expect(isGone(started.child.pid!)).toBe(true);
  });

  it('rejects with the collected output when the process exits before the line', async () => {
    await expect(
      spawnAndWait({
        name: 'the failing script',
        args: script(`console.log('reading configuration'); console.error('no such plugin'); process.exit(3);`),
        waitFor: /listening/,
      }),
    ).rejects.toThrow(
      /the failing script exited with 3 before printing \/listening\/:\nreading configuration\nno such plugin/,
    );
  });

  it('kills the process on timeout and rejects naming what it waited for', async () => {
    const silent = spawnProcess({ name: 'the silent script', args: script(`setInterval(() => {}, 1000);`) });
    await expect(silent.waitFor(/ready/, 300)).rejects.toThrow(
      /the silent script printed nothing matching \/ready\/ within 300 ms/,
    );
    expect(silent.child.signalCode).toBe('SIGKILL');
    expect(isGone(silent.child.pid!)).toBe(true);
  });
});

describe('spawnProcess', () => {
  it('matches a pattern spanning lines, and stop() kills a process that ignores SIGTERM after the grace period', async () => {
    const stubborn = spawnProcess({
      args: script(
        `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('one'); console.log('two'); setInterval(() => {}, 1000);`,
      ),
      killAfterMs: 200,
    });
    expect((await stubborn.waitFor(/one\ntwo/))[0]).toBe('one\ntwo');
    expect(await stubborn.stop()).toBe(null);
    expect(stubborn.child.signalCode).toBe('SIGKILL');
    expect(stubborn.lines).toContain('ignoring SIGTERM');
  });

  it('resolves stop() with the exit code of a process that ends on SIGTERM by itself', async () => {
    const polite = spawnProcess({
      args: script(
        `process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('up'); setInterval(() => {}, 1000);`,
      ),
    });
    await polite.waitFor(/^up$/m);
    expect(await polite.stop()).toBe(0);
    expect(polite.output()).toBe('up\nbye');
  });

  it('leaves no process behind when the test process exits', async () => {
    const helper = fileURLToPath(new URL('./spawn-process.ts', import.meta.url));
    // A test process that starts a sleeper, says its pid and exits without stopping it.
    const parent = await spawnAndWait({
      args: script(
        `const { spawnProcess } = await import(${JSON.stringify(helper)});` +
          `const sleeper = spawnProcess({ args: ['-e', 'setInterval(() => {}, 1000)'] });` +
          `console.log('sleeper ' + sleeper.child.pid); setTimeout(() => process.exit(0), 100);`,
      ),
      waitFor: /sleeper (?<pid>\d+)/,
    });
    expect(await parent.exited).toBe(0);
    const pid = Number(parent.match.groups!.pid);
    await expect.poll(() => isGone(pid)).toBe(true);
  });
});
