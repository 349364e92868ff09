/**
 * One-time upload URLs that have done their work on this page. Shared by every `<direct-upload>`
 * in the window, even across two copies of the library (a script tag and a bundle), through a
 * registered symbol.
 */
const key = Symbol.for('direct-upload.spent-upload-urls');
const holder = globalThis as typeof globalThis & { [key]?: Set<string> };
const spent: Set<string> = (holder[key] ??= new Set());

export function markSpent(uploadURL: string): void {
  spent.add(uploadURL);
}

export function isSpent(uploadURL: string): boolean {
  return spent.has(uploadURL);
}

/** The image id a Cloudflare upload URL stands for: its last path segment. */
export function imageIdOf(uploadURL: string): string | undefined {
  try {
    const segment = new URL(uploadURL).pathname.split('/').filter(Boolean).at(-1);
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
