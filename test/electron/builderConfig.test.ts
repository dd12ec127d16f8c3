import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown>;
// electron-builder's own offline validation (the schema check its CLI runs before anything is downloaded).
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: Config, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

function loadConfig(): Config {
  // A copy: the validator coerces values in place.
  return structuredClone(require(path.join(ROOT, 'electron-builder.config.cjs')) as Config);
}

function validate(config: Config): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder.config.cjs', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(loadConfig())).resolves.toBeUndefined();
  });

  it('is rejected by the same validation when it carries an unknown key', async () => {
    await expect(validate({ ...loadConfig(), bogusKey: true })).rejects.toThrow("configuration has an unknown property 'bogusKey'");
    const config = loadConfig();
    await expect(validate({ ...config, electronFuses: { ...(config.electronFuses as Config), runAsnode: false } })).rejects.toThrow(
      /configuration.electronFuses/,
    );
    await expect(validate({ ...config, nsis: { ...(config.nsis as Config), oneClick: 'sometimes' } })).rejects.toThrow(/oneClick/);
  });

  it('flips exactly the hardening fuses', () => {
    expect(loadConfig().electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app and its targets', () => {
    const config = loadConfig();
    expect(config.appId).toBe('io.strata.wallet');
    expect(config.productName).toBe('Strata');
    expect(config.asar).toBe(true);
    expect(config.directories).toStrictEqual({ output: 'release', buildResources: 'build' });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Finance', executableName: 'strata' });
    expect((config.linux as Config).maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.mac).toMatchObject({
      target: ['dmg'],
      category: 'public.app-category.finance',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('packages the bundles and package.json only', () => {
    expect(loadConfig().files).toStrictEqual(['dist/**/*', 'package.json', '!dist/**/*.map', '!**/node_modules/**/*']);
  });
});
