// What the peer and scale-out benches share: free ports, medians, a process's peak memory, and the child processes
// they start (killed when the bench exits, however it exits).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A process's peak resident memory in MiB (`VmHWM`), NaN once it is gone. */
export const peakRss = (pid) => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};

/** The processes a bench starts: `start` spawns one with piped output, `stopAll` kills those still running. */
export function childProcesses() {
  const children = new Set();
  return {
    children,
    start(cmd, args, options = {}) {
      const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
      children.add(child);
      child.on('exit', () => children.delete(child));
      return child;
    },
    stopAll() {
      for (const c of children) c.kill('SIGKILL');
    },
  };
}

/** The API key a demo hub printed at its first start for a demo member (`admin@hanbit.example`), or undefined. */
export const demoKey = (output, email) =>
  output
    .split('\n')
    .find((l) => new RegExp(`^\\s+${email.replace(/[.]/g, '\\.')}\\s`).test(l))
    ?.trim()
    .split(/\s+/)
    .at(-1);
