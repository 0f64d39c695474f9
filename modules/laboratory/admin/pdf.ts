/** Opens a PDF the API serves behind the bearer token (a plain link carries no token) in a new tab. */
import { readSession } from '../../../admin/src/providers/session.js';

export async function openPdf(path: string): Promise<void> {
  // Opened before the fetch so the pop-up blocker sees the user's click.
  const tab = window.open('', '_blank');
  const res = await fetch(path, { headers: { Authorization: `Bearer ${readSession()?.token ?? ''}` } });
  if (!res.ok) {
    tab?.close();
    throw new Error(`The document could not be opened (${res.status})`);
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
