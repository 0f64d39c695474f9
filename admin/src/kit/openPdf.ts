/**
 * Opens a PDF the API serves behind the bearer token (a plain link would carry no token):
 * fetched as a blob, shown in a new tab. Renews an expired token once, like the data provider.
 *
 * Called straight from a click it opens the tab itself. A screen that shows the PDF only after
 * some other request (a payment, then its receipt) opens the tab in the click, with
 * `window.open('', '_blank')`, and passes it here: a tab opened once the request has answered
 * is no longer the user's gesture, and pop-up blockers refuse it.
 */
import { readSession } from '../providers/session.js';
import { renewSession } from '../providers/http.js';

export async function openPdf(url: string, tab: Window | null = window.open('', '_blank')): Promise<void> {
  // The tab is opened before the fetch (the default above) so that the pop-up blocker sees the user's click.
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
