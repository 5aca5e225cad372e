import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Build dist/ once (the project's build: tsc, then the bundle) so the CLI tests run the code under test, not a stale build. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-source.mjs')], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`Build failed (scripts/build-if-source.mjs):\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}
