/**
 * electron-builder configuration of Strata (`npm run dist`). Everything the app runs is bundled into dist/ by
 * scripts/build.mjs, so the package holds dist/** and package.json only: no sources, no tests, no node_modules.
 * Validated offline against electron-builder's own schema by test/electron/builderConfig.test.ts.
 *
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'io.strata.wallet',
  productName: 'Strata',
  copyright: 'Copyright © Strata',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: [
    'dist/**/*',
    'package.json',
    '!dist/**/*.map',
    // All runtime dependencies are inside the bundles; an exclusion pattern here also filters node_modules.
    '!**/node_modules/**/*',
  ],
  asar: true,
  // No native modules: nothing to rebuild (and a rebuild would need the network).
  npmRebuild: false,
  publish: null,

  // Flipped in the Electron binary at package time (https://www.electronjs.org/docs/latest/tutorial/fuses).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Finance',
    executableName: 'strata',
    maintainer: 'Strata <support@strata.io>',
    synopsis: 'Multi-chain wallet for EVM and Cosmos chains',
    icon: 'build/icons',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.finance',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    icon: 'build/icon.icns',
    darkModeSupport: true,
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
};
