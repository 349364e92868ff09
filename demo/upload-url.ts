/**
 * What the framework examples share: how they get a one-time upload URL from the site's backend,
 * and which upload host they allow.
 */

/** Asks the site's backend for a fresh one-time upload URL: `{uploadURL, id, expiry}`. */
export async function getUploadURL(): Promise<{ uploadURL: string; id: string; expiry: string }> {
  const response = await fetch('/api/upload-url', { method: 'POST' });
  if (!response.ok) throw new Error(`The backend answered HTTP ${response.status}`);
  return response.json();
}

// The demo's emulator takes uploads on the page's own host (the tests name theirs in the query
// string). A site on Cloudflare leaves upload-hosts at its default, upload.imagedelivery.net.
export const uploadHosts = new URLSearchParams(location.search).get('upload-hosts') ?? location.host;
