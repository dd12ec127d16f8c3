#!/usr/bin/env node
/**
 * Builds every bundle Strata runs from, into dist/:
 *   dist/main/main.cjs              main process (Node, CJS, everything bundled but 'electron' and the native 'node-hid')
 *   dist/preload/preload.cjs        app window preload (sandboxed: may only require 'electron')
 *   dist/preload/securePreload.cjs  secure window preload (same)
 *   dist/cli/strata.cjs             the CLI (when electron/cli/main.ts exists)
 *   dist/renderer/                  the two renderer pages, through Vite (when vite.config.ts exists)
 *
 * Usage: node scripts/build.mjs [--out <dir>] [--skip-renderer]
 * Fails (exit 1) on any error, and when a preload would require anything but 'electron'.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { outDir: path.join(root, 'dist'), renderer: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--skip-renderer') options.renderer = false;
    else if (arg === '--out' && argv[i + 1] !== undefined) options.outDir = path.resolve(argv[++i]);
    else throw new Error(`Unknown argument: ${arg} (usage: node scripts/build.mjs [--out <dir>] [--skip-renderer])`);
  }
  return options;
}

// Electron 45 ships Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/**
 * `ws` (under cosmjs' and ethers' websocket clients) tries the optional native speed-ups `bufferutil` and
 * `utf-8-validate` inside try/catch and falls back to JavaScript. Bundle them as modules that throw when required,
 * so the bundle needs nothing at run time but Node and electron.
 */
const optionalNativeModules = {
  name: 'optional-native-modules',
  setup(build) {
    build.onResolve({ filter: /^(bufferutil|utf-8-validate)$/ }, (args) => ({ path: args.path, namespace: 'optional-native' }));
    build.onLoad({ filter: /.*/, namespace: 'optional-native' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled (optional)`)});`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  plugins: [optionalNativeModules],
  format: 'cjs',
  logLevel: 'warning',
  // esbuild would otherwise only warn; a build that loads the wrong module must fail.
  logOverride: { 'import-is-undefined': 'error', 'require-resolve-not-external': 'error' },
  metafile: true,
  sourcemap: false,
  legalComments: 'none',
  absWorkingDir: root,
  tsconfig: path.join(root, 'electron', 'tsconfig.json'),
};

function nodeBundle(entry, outfile) {
  return {
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile,
    platform: 'node',
    target: NODE_TARGET,
    // node-hid (under the Ledger transport) loads a prebuilt .node binding from its own package folder at run time.
    external: ['electron', 'node-hid'],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
}

function preloadBundle(entry, outfile) {
  return {
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile,
    // A sandboxed preload is a browser-like context with a `require` that only knows 'electron'.
    platform: 'browser',
    target: CHROME_TARGET,
    external: ['electron'],
  };
}

/** Every module a bundle leaves to `require` at run time (from esbuild's metafile). */
function externalImports(metafile) {
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports ?? []) if (imported.external) names.add(imported.path);
  }
  return [...names].sort();
}

async function buildBundle(label, options) {
  const started = performance.now();
  const result = await esbuild(options);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { label, file: path.relative(root, options.outfile), bytes, ms: performance.now() - started, externals: externalImports(result.metafile) };
}

async function buildRenderer(outDir) {
  const configFile = path.join(root, 'vite.config.ts');
  if (!existsSync(configFile)) {
    console.warn('[build] vite.config.ts not found: skipping the renderer');
    return null;
  }
  const started = performance.now();
  const { build: viteBuild } = await import('vite');
  const defaultOut = path.join(root, 'dist');
  // The renderer config writes to dist/renderer; with --out we redirect it next to the other bundles.
  const overrides = outDir === defaultOut ? {} : { build: { outDir: path.join(outDir, 'renderer'), emptyOutDir: true } };
  await viteBuild({ configFile, logLevel: 'warn', ...overrides });
  return { label: 'renderer', file: path.relative(root, path.join(outDir, 'renderer')), bytes: null, ms: performance.now() - started, externals: [] };
}

async function main() {
  const { outDir, renderer } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  await Promise.all(['main', 'preload', 'cli'].map((dir) => rm(path.join(outDir, dir), { recursive: true, force: true })));
  await mkdir(outDir, { recursive: true });

  const jobs = [
    buildBundle('main', nodeBundle('electron/main/main.ts', path.join(outDir, 'main', 'main.cjs'))),
    buildBundle('preload', preloadBundle('electron/preload/preload.ts', path.join(outDir, 'preload', 'preload.cjs'))),
    buildBundle('securePreload', preloadBundle('electron/preload/securePreload.ts', path.join(outDir, 'preload', 'securePreload.cjs'))),
  ];
  if (existsSync(path.join(root, 'electron', 'cli', 'main.ts'))) {
    jobs.push(buildBundle('cli', nodeBundle('electron/cli/main.ts', path.join(outDir, 'cli', 'strata.cjs'))));
  } else {
    console.warn('[build] electron/cli/main.ts not found: skipping the CLI');
  }
  const results = await Promise.all(jobs);

  for (const result of results) {
    if (result.label.toLowerCase().includes('preload')) {
      const stray = result.externals.filter((name) => name !== 'electron');
      if (stray.length > 0) throw new Error(`${result.file} would require ${stray.join(', ')}: a sandboxed preload may only require 'electron'`);
    }
    if (result.label === 'cli' && result.externals.some((name) => name === 'electron')) {
      throw new Error(`${result.file} imports 'electron': the CLI must run in plain Node`);
    }
  }

  if (renderer) {
    const rendererResult = await buildRenderer(outDir);
    if (rendererResult !== null) results.push(rendererResult);
  }

  for (const { file, bytes, ms } of results) {
    const size = bytes === null ? '' : `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
    console.log(`[build] ${file.padEnd(34)}${size}  ${ms.toFixed(0).padStart(5)} ms`);
  }
  console.log(`[build] done in ${(performance.now() - started).toFixed(0)} ms`);
}

main().catch((error) => {
  console.error(`[build] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
