/**
 * `--changed [<ref>]`: only the answers that differ from a git ref, found with git itself.
 *
 * - Without a ref: everything that differs from the merge base of HEAD and the default branch
 *   (`origin/HEAD`, else `main` or `master`): commits of the branch, staged and unstaged edits, and
 *   untracked files (not ignored ones).
 * - With a ref: what the commits since the merge base with it changed (`git diff <ref>...HEAD`),
 *   as a pull request shows it.
 * - Deleted files are skipped. Outside a git repository, or without git, it is a one-line error.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../support/errors.js';

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reject(code === 'ENOENT' ? new UsageError('--changed needs git, and git is not installed') : Object.assign(error, { stderr }));
      } else resolve(stdout);
    });
  });
}

const lines0 = (out: string): string[] => out.split('\0').filter(Boolean);

async function defaultBranch(root: string): Promise<string> {
  const remote = await git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).then((s) => s.trim(), () => '');
  if (remote) return remote;
  for (const name of ['main', 'master']) {
    const found = await git(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]).then(() => true, () => false);
    if (found) return name;
  }
  throw new UsageError('--changed found no default branch (origin/HEAD, main or master): give a ref, for example --changed origin/main');
}

/** Whether `ref` names a commit here (false outside a repository). */
export async function isCommit(cwd: string, ref: string): Promise<boolean> {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** Absolute paths of the files that differ, that still exist. */
export async function changedFiles(cwd: string, ref: string | undefined): Promise<Set<string>> {
  let root: string;
  try {
    root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--changed needs a git repository, and ${cwd} is not in one`);
  }
  const names: string[] = [];
  if (ref === undefined) {
    const branch = await defaultBranch(root);
    const base = (await git(root, ['merge-base', 'HEAD', branch]).catch(() => {
      throw new UsageError(`--changed found no merge base of HEAD and ${branch}: give a ref`);
    })).trim();
    names.push(...lines0(await git(root, ['diff', '--name-only', '-z', '--diff-filter=d', base])));
    names.push(...lines0(await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])));
  } else {
    await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
      throw new UsageError(`--changed: "${ref}" is not a commit, branch or tag of this repository`);
    });
    names.push(...lines0(await git(root, ['diff', '--name-only', '-z', '--diff-filter=d', `${ref}...HEAD`])));
  }
  return new Set(names.map((name) => path.resolve(root, name)));
}
