import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Lints a snippet as if it lived at `path`, with the repository's own ESLint configuration. */
async function ruleIdsFor(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries are enforced by lint', () => {
  it('shared/ may not import Node, Electron, React or other layers, nor use window/process', async () => {
    expect(await ruleIdsFor('shared/x.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;\n")).toEqual([
      'no-restricted-imports: \'node:fs\' import is restricted from being used by a pattern. shared/ runs anywhere: no Node APIs.',
    ]);
    expect((await ruleIdsFor('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"))[0]).toMatch(/no Electron/);
    expect((await ruleIdsFor('shared/x.ts', "import { Vault } from '../electron/services/vault/vault';\nexport const v = Vault;\n"))[0]).toMatch(/^no-restricted-imports: '..\/electron\/services\/vault\/vault' import is restricted/);
    expect((await ruleIdsFor('shared/x.ts', "import { create } from 'zustand';\nexport const c = create;\n"))[0]).toMatch(/imports only shared/);
    expect(await ruleIdsFor('shared/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
    expect((await ruleIdsFor('shared/x.ts', 'export const w = window.location;\n'))[0]).toMatch(/^no-restricted-globals/);
  });

  it('renderer/ may not import electron/ or electron', async () => {
    expect((await ruleIdsFor('renderer/src/x.ts', "import { Vault } from '../../electron/services/vault/vault';\nexport const v = Vault;\n"))[0]).toMatch(/^no-restricted-imports: '..\/..\/electron\/services\/vault\/vault' import is restricted/);
    expect(await ruleIdsFor('renderer/src/x.ts', "import { methods } from '../../shared/ipc/contract';\nexport const m = methods;\n")).toEqual([]);
    expect((await ruleIdsFor('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"))[0]).toMatch(/only through window.strata/);
  });

  it('services and the CLI may not import electron; the shell may', async () => {
    expect((await ruleIdsFor('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"))[0]).toMatch(/plain Node/);
    expect((await ruleIdsFor('electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"))[0]).toMatch(/plain Node/);
    expect(await ruleIdsFor('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
