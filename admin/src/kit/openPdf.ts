/**
 * Opens a PDF the API serves behind the bearer token (a plain link would carry no token):
 * fetched as a blob, shown in a new tab. Renews an expired token once, like the data provider.
 */
import { readSession } from '../providers/session.js';
import { renewSession } from '../providers/http.js';

export async function openPdf(url: string): Promise<void> {
  // Opened before the fetch so that the pop-up blocker sees the user's click.
  const tab = window.open('', '_blank');
  const get = (token?: string) => fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let res = await get(readSession()?.token);
  if (res.status === 401) res = await get((await renewSession())?.token);
  if (!res.ok) {
    tab?.close();
    const body = await res.json().catch(() => ({ message: res.statusText }));
    throw new Error(body.message ?? `The document could not be opened (${res.status})`);
  }
  const blobUrl = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = blobUrl;
  else window.location.assign(blobUrl);
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}
