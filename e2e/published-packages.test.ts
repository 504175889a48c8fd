import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installWithNpm, PUBLISHED, packRelease } from './support/packed-release.js';

// Every published package as npm would serve it: packed by pnpm (workspace and catalog ranges
// resolved), unpacked, and checked the way a consumer's tools see it. All offline.
const run = promisify(execFile);
const e2eDir = dirname(fileURLToPath(import.meta.url));
const attw = join(e2eDir, 'node_modules', '.bin', 'attw');
const GITHUB = 'https://github.com/promise-global/promise-network';

interface Unpacked {
  path: (typeof PUBLISHED)[number];
  tarball: string;
  /** The unpacked tarball's `package/` folder. */
  dir: string;
  manifest: Record<string, unknown> & { name: string };
  files: string[];
}

let workDir = '';
const unpacked: Unpacked[] = [];

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? listFiles(dir, join(prefix, entry.name))
        : Promise.resolve([join(prefix, entry.name)]),
    ),
  );
  return nested.flat();
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'promise-published-'));
  const tarballs = await packRelease(join(workDir, 'tarballs'));
  for (const path of PUBLISHED) {
    const name = `promise-global-${path.split('/')[1]}-`;
    const tarball = tarballs.find((file) => file.split('/').at(-1)?.startsWith(name));
    if (tarball === undefined) throw new Error(`no tarball for ${path}`);
    const into = join(workDir, path.replace('/', '-'));
    await mkdir(into, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', into]);
    const dir = join(into, 'package');
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    unpacked.push({ path, tarball, dir, manifest, files: await listFiles(dir) });
  }
}, 300_000);

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

const each = PUBLISHED.map((path) => [path] as const);
const packageAt = (path: string): Unpacked => {
  const found = unpacked.find((candidate) => candidate.path === path);
  if (found === undefined) throw new Error(`${path} was not packed`);
  return found;
};

describe.each(each)('the published %s', (path) => {
  it('depends on caret ranges, so consumers share one copy of each dependency', () => {
    const { manifest } = packageAt(path);
    const ranges = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
      Object.entries((manifest[field] ?? {}) as Record<string, string>),
    );
    expect(ranges.filter(([, range]) => !/^\^\d+\.\d+\.\d+$/.test(range))).toEqual([]);
  });

  it('says its licence, repository, homepage and where to report bugs, and ships LICENSE', () => {
    const { manifest, files } = packageAt(path);
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toEqual({
      type: 'git',
      url: `git+${GITHUB}.git`,
      directory: path,
    });
    expect(manifest.homepage).toBe(`${GITHUB}/tree/main/${path}#readme`);
    expect(manifest.bugs).toBe(`${GITHUB}/issues`);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
  });

  it('links only to absolute addresses from its README (relative links are dead on npm)', async () => {
    const readme = await readFile(join(packageAt(path).dir, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|^\[[^\]]+\]:\s*(\S+)/gm)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    expect(targets.filter((target) => !/^(https:\/\/|mailto:|#)/.test(target))).toEqual([]);
  });

  it('ships no source map whose sources are missing', async () => {
    const { dir, files } = packageAt(path);
    const unresolved: string[] = [];
    for (const map of files.filter((file) => file.endsWith('.map'))) {
      const { sources = [], sourcesContent = [] } = JSON.parse(
        await readFile(join(dir, map), 'utf8'),
      ) as { sources?: string[]; sourcesContent?: (string | null)[] };
      sources.forEach((source, index) => {
        const inline = typeof sourcesContent[index] === 'string';
        if (!inline && !existsSync(resolve(dir, dirname(map), source))) {
          unresolved.push(`${map} → ${source}`);
        }
      });
    }
    expect(unresolved).toEqual([]);
  });

  it('passes publint without errors or warnings', async () => {
    const { messages } = await publint({
      pkgDir: packageAt(path).dir,
      level: 'warning',
      pack: false,
    });
    expect(messages).toEqual([]);
  });

  it('has types that resolve for ESM consumers under node16 and bundler resolution (attw)', async () => {
    const { tarball, manifest } = packageAt(path);
    const modules = Object.keys((manifest.exports ?? {}) as object).filter(
      (entry) => entry !== './package.json',
    );
    if (modules.length === 0) {
      // A server with only a command (node, portal) has no module to import: nothing to type.
      expect(manifest.bin).toBeDefined();
      return;
    }
    const stylesheets = Object.keys(manifest.exports as object).filter((entry) =>
      entry.endsWith('.css'),
    );
    const { stdout } = await run(
      attw,
      [
        tarball,
        ...['--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'],
        // Style sheets are exports too, but not modules TypeScript types.
        ...(stylesheets.length > 0 ? ['--exclude-entrypoints', ...stylesheets] : []),
      ],
      { maxBuffer: 32 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      analysis: {
        problems: {
          kind: string;
          resolutionKind?: string;
          resolutionOption?: string;
          moduleSpecifier?: string;
        }[];
      };
    };
    // ESM only (`type: module`, Node >= 24): CommonJS and node10 resolution are out of scope,
    // as attw's esm-only profile says; every other problem counts.
    // The UI's Svelte components (`./x.svelte`) resolve with `moduleResolution: "bundler"`, which
    // every Svelte-aware build uses (packages/ui/README.md); under node16 TypeScript looks only
    // for `x.d.svelte.ts`. Its plain-TS subpaths (`/format`, `/markdown`) must pass node16 too.
    const problems = report.analysis.problems.filter(
      (problem) =>
        !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? '') &&
        !(
          problem.kind === 'InternalResolutionError' &&
          problem.resolutionOption === 'node16' &&
          problem.moduleSpecifier?.endsWith('.svelte')
        ),
    );
    expect(problems).toEqual([]);
  });
});

describe('the UI package in a plain TypeScript project', () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const strict = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: false,
  };

  it('imports the helpers under NodeNext and the components under Bundler, as its README says', async () => {
    const readme = await readFile(join(packageAt('packages/ui').dir, 'README.md'), 'utf8');
    const section = readme.split('## From a plain TypeScript project')[1]?.split('\n## ')[0] ?? '';
    const [helpers, components] = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    expect(helpers).toContain("from '@promise-global/ui/format'");
    expect(components).toContain("from '@promise-global/ui'");
    const project = join(workDir, 'ui-consumer');
    await installWithNpm(project, [
      packageAt('packages/schema').tarball,
      packageAt('packages/ui').tarball,
    ]);
    await writeFile(
      join(project, 'helpers.ts'),
      `${helpers}\nconsole.log(JSON.stringify([html, call, day]));\n`,
    );
    await writeFile(join(project, 'components.ts'), `${components}\nexport {};\n`);
    const configs = {
      'tsconfig.node.json': { module: 'NodeNext', types: [], files: ['helpers.ts'] },
      'tsconfig.bundler.json': {
        module: 'Preserve',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM'],
        files: ['components.ts'],
      },
    };
    for (const [name, { files, ...options }] of Object.entries(configs)) {
      const config = { compilerOptions: { target: 'ES2023', ...strict, ...options }, files };
      await writeFile(join(project, name), JSON.stringify(config));
      const { stdout } = await run(process.execPath, [tsc, '-p', join(project, name)]).catch(
        (error: { stdout: string }) => ({ stdout: error.stdout }),
      );
      expect(stdout, name).toBe('');
    }
    // The helpers' example runs as written (type stripping) and prints what its comments say.
    const { stdout } = await run(process.execPath, ['helpers.ts'], { cwd: project });
    const printed = JSON.parse(stdout) as string[];
    for (const value of printed) expect(helpers).toContain(`'${value.replace('\n', '\\n')}'`);
  }, 300_000);
});

describe('the changelogs', () => {
  it('are written from the changesets for every published package at release, and shipped', async () => {
    // `changeset version` on a copy of the workspace's manifests and pending changesets.
    const root = join(e2eDir, '..');
    const copy = join(workDir, 'release');
    for (const path of [...PUBLISHED, 'e2e', 'demo']) {
      await mkdir(join(copy, path), { recursive: true });
      await cp(join(root, path, 'package.json'), join(copy, path, 'package.json'));
    }
    for (const file of ['package.json', 'pnpm-workspace.yaml']) {
      await cp(join(root, file), join(copy, file));
    }
    await cp(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    await run(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: copy });
    for (const path of PUBLISHED) {
      const { version } = JSON.parse(await readFile(join(copy, path, 'package.json'), 'utf8'));
      expect(version, path).not.toBe(packageAt(path).manifest.version);
      const changelog = await readFile(join(copy, path, 'CHANGELOG.md'), 'utf8');
      expect(changelog, path).toContain(`## ${version}`);
      expect(packageAt(path).manifest.files, path).toContain('CHANGELOG.md');
    }
  }, 120_000);
});
