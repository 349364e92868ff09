import '../src/index.js';

declare const __UPLOAD_HOSTS__: string;

const uploader = document.querySelector<HTMLElementTagNameMap['direct-upload']>('#uploader')!;
const gallery = document.querySelector<HTMLElementTagNameMap['direct-upload']>('#gallery')!;
const log = document.querySelector('#event-log')!;

// The emulator takes uploads on this page's own host; Cloudflare on upload.imagedelivery.net, the
// element's default, which a site on Cloudflare leaves alone.
uploader.uploadHosts = __UPLOAD_HOSTS__;
gallery.uploadHosts = __UPLOAD_HOSTS__;

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
}

uploader.addEventListener('file-accepted', (e) =>
  note(`file-accepted: ${e.detail.file.name} (${e.detail.type}, ${e.detail.width} × ${e.detail.height} px)`),
);
uploader.addEventListener('file-rejected', (e) => note(`file-rejected (${e.detail.reason}): ${e.detail.message}`));
uploader.addEventListener('url-refreshed', (e) => note(`url-refreshed: ${e.detail.uploadURL}`));
uploader.addEventListener('url-expired', (e) => note(`url-expired (${e.detail.detectedBy}): ${e.detail.uploadURL}`));
uploader.addEventListener('url-used', (e) => note(`url-used (${e.detail.detectedBy}): ${e.detail.uploadURL}`));
uploader.addEventListener('upload-start', (e) => note(`upload-start: ${e.detail.uploadURL}`));
uploader.addEventListener('upload-error', (e) => note(`upload-error (${e.detail.reason}): ${e.detail.message}`));
uploader.addEventListener('upload-success', (e) => {
  note(`upload-success: image ${e.detail.id}`);
  const [variant] = e.detail.variants;
  const preview = document.querySelector<HTMLImageElement>('#preview')!;
  const link = document.querySelector<HTMLAnchorElement>('#variant-link')!;
  preview.src = variant;
  link.href = variant;
  link.textContent = variant;
  document.querySelector<HTMLElement>('#uploaded')!.hidden = false;
});

// The gallery shows each stored image as Cloudflare delivers it, and sums up each batch.
gallery.addEventListener('upload-success', (e) => {
  const item = document.createElement('li');
  const image = document.createElement('img');
  image.src = e.detail.variants[0];
  image.alt = e.detail.file.name;
  item.append(image);
  document.querySelector('#gallery-images')!.append(item);
});
gallery.addEventListener('queue-complete', (e) =>
  note(`gallery queue-complete: ${e.detail.succeeded.length} stored, ${e.detail.failed.length} not`),
);
