import { Notification } from 'electron';

/** Shows a desktop notification where the OS supports them (a missing notification daemon is not an error). */
export function showDesktopNotification(message: { title: string; body: string }): void {
  if (Notification.isSupported()) new Notification({ title: message.title, body: message.body }).show();
}
