/**
 * Builds the two renderer pages (app window and secure window) into dist/renderer.
 * The production CSP is `script-src 'self'; style-src 'self'`, so the build must not emit any inline script or
 * style: CSS is extracted to files, and the module-preload polyfill (an inline script) is turned off.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = resolve(here, 'renderer');

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    // Chromium 140+ (Electron 45): no need to transpile for older engines.
    target: 'es2022',
    // Small assets would otherwise be inlined as data: URLs; keep every asset a file so CSP stays 'self'.
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    rollupOptions: {
      input: {
        index: resolve(rendererRoot, 'index.html'),
        secure: resolve(rendererRoot, 'secure.html'),
      },
    },
  },
});
