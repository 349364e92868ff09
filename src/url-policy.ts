import { messages } from './messages.js';

/** Cloudflare Images' upload host: the only one allowed unless the page names others. */
export const defaultUploadHosts = 'upload.imagedelivery.net';

// Plain http is only safe where the traffic never leaves the machine.
const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]']);

export type UploadURLCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Parses a space-separated `host[:port]` list into lower-case entries. */
function parseUploadHosts(hosts: string): string[] {
  return hosts
    .split(/\s+/)
    .filter(Boolean)
    .map((host) => host.toLowerCase());
}

/**
 * Decides whether the element may send a file to `uploadURL`: https only (http for loopback), and
 * only to a host the page allowed. Nothing is sent unless this says ok.
 */
export function checkUploadURL(uploadURL: string, uploadHosts: string): UploadURLCheck {
  if (!uploadURL) return { ok: false, message: messages.noUploadURL() };
  let url: URL;
  try {
    url = new URL(uploadURL);
  } catch {
    return { ok: false, message: messages.invalidUploadURL(uploadURL) };
  }
  if (url.username || url.password) return { ok: false, message: messages.credentialsInUploadURL() };
  const isLoopback = loopbackHostnames.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    return { ok: false, message: messages.insecureUploadURL(url.protocol) };
  }
  // `URL.host` leaves out the scheme's default port, so `host` and `host:443` name the same place.
  const allowed = parseUploadHosts(uploadHosts).map((entry) => {
    try {
      return new URL(`${url.protocol}//${entry}`).host;
    } catch {
      return entry;
    }
  });
  if (!allowed.includes(url.host)) return { ok: false, message: messages.hostNotAllowed(url.host) };
  return { ok: true, url };
}
