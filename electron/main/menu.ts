import { Menu } from 'electron';

/**
 * No menu bar in production. macOS keeps a minimal menu because its copy/paste/select-all shortcuts only work
 * through Edit menu roles (pasting an address must work). In development the default menu stays (reload, devtools).
 */
export function installMenu(isPackaged: boolean): void {
  if (!isPackaged) return;
  if (process.platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
}
