/** What the tests know of the emulator and the backend, all reached over loopback. */
import { waitUntil } from '@open-wc/testing';

export interface RequestRecord {
  method: string;
  path: string;
  kind: 'api' | 'upload' | 'delivery';
  draftId?: string;
  headers: Record<string, string | undefined>;
  fields: string[];
  files: { field: string; filename: string; mimeType: string; bytes: number }[];
  status?: number;
  outcome: 'complete' | 'aborted' | 'pending';
  /** Upload POSTs: when the request arrived and when its connection closed (epoch ms). */
  startedAt?: number;
  endedAt?: number;
}

interface EmulatorInfo {
  /** The upload host, on localhost: cross-origin to the test page, same site for cookies. */
  origin: string;
  /** The same emulator on a loopback address the element must treat as remote. */
  remoteOrigin: string;
}

let info: Promise<EmulatorInfo> | undefined;

export function emulator(): Promise<EmulatorInfo> {
  info ??= fetch('/emulator.json').then((res) => res.json());
  return info;
}

/** The `upload-hosts` value that allows the emulator. */
export async function emulatorHost(): Promise<string> {
  return new URL((await emulator()).origin).host;
}

/** Asks the test server's backend for a one-time upload URL, as a site's page does. */
export async function mintUploadURL(): Promise<{ uploadURL: string; id: string; expiry: string }> {
  const res = await fetch('/api/upload-url', { method: 'POST' });
  if (!res.ok) throw new Error(`backend answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Every request the emulator saw for one draft. */
export async function requestsFor(id: string): Promise<RequestRecord[]> {
  const res = await fetch(`${(await emulator()).origin}/__emulator/requests?draft=${encodeURIComponent(id)}`);
  return res.json();
}

export async function uploadRequestsFor(id: string): Promise<RequestRecord[]> {
  return (await requestsFor(id)).filter((r) => r.kind === 'upload');
}

/** Waits until the emulator's record of a draft's uploads satisfies `check`. */
export async function waitForUploads(id: string, check: (records: RequestRecord[]) => boolean, message: string) {
  let records: RequestRecord[] = [];
  await waitUntil(
    async () => {
      records = await uploadRequestsFor(id);
      return check(records);
    },
    message,
    { timeout: 10000, interval: 50 },
  );
  return records;
}

/** How the emulator's upload host misbehaves for one draft; see demo/emulator/emulator.js. */
export interface Behaviour {
  times?: number;
  failWith?: number;
  htmlError?: boolean;
  answerExpired?: boolean;
  answerUsed?: boolean;
  noCors?: boolean;
  resetAfterBytes?: number;
  stallAfterBytes?: number;
  pauseAfterBytes?: number;
  pauseMs?: number;
  dropAnswer?: boolean;
  delayMs?: number;
  bytesPerSecond?: number;
  hangPreflight?: boolean;
}

/** Tells the emulator how to misbehave for one draft (replacing what it was told before). */
export async function misbehave(id: string, behaviour: Behaviour) {
  await fetch(`${(await emulator()).origin}/__emulator/drafts/${encodeURIComponent(id)}`, {
    method: 'POST',
    body: JSON.stringify(behaviour),
  });
}

/** Moves the emulator's clock; move it back by the same amount when done. */
export async function advanceClock(ms: number) {
  await fetch(`${(await emulator()).origin}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
}

/** Whether the emulator holds the uploaded image for this id (not just a draft). */
export async function isStored(id: string): Promise<boolean> {
  const res = await fetch(`${(await emulator()).origin}/__emulator/drafts/${encodeURIComponent(id)}`);
  return ((await res.json()) as { state: string }).state === 'uploaded';
}
