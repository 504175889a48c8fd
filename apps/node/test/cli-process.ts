import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const bin = fileURLToPath(new URL('../bin/promise-node.js', import.meta.url));
export const examples = fileURLToPath(new URL('../examples/', import.meta.url));

/** The built `promise-node` bin with one config file, run from `dir` (as an operator would). */
export function nodeCli(dir: string, config: string) {
  return {
    /** Runs one command to its end: exit code and output. */
    async cli(...args: string[]) {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, '--config', config, ...args], {
          cwd: dir,
          maxBuffer: 16 * 1024 * 1024,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    },
    /** `start` in a child process, resolved once it listens. */
    start(...flags: string[]): Promise<ChildProcess> {
      const child = spawn(process.execPath, [bin, '--config', config, 'start', ...flags], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return new Promise((resolve, reject) => {
        let output = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listening at')) resolve(child);
        });
        child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
      });
    },
  };
}

export async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export { freePort } from '../../../e2e/support/free-port.js';
