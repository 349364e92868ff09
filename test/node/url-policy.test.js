// @ts-check
/**
 * Where the element may send a file, checkUploadURL(uploadURL, uploadHosts), as a decision table:
 * https only, plain http only to loopback, only to a host the page listed, never with credentials.
 * Each row says which refusal it expects, so a URL refused for the wrong reason fails too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../src/messages.js';
import { checkUploadURL, defaultUploadHosts } from '../../src/url-policy.js';

const cf = defaultUploadHosts;

/**
 * The verdict a row expects: the URL the element would send to, or the refusal's message.
 * @typedef {{ ok: string } | { refused: string }} Verdict
 */
const ok = (/** @type {string} */ href) => ({ ok: href });
const refused = (/** @type {string} */ message) => ({ refused: message });
const notAllowed = (/** @type {string} */ host) => refused(messages.hostNotAllowed(host));
const insecure = (/** @type {string} */ protocol) => refused(messages.insecureUploadURL(protocol));
const invalid = (/** @type {string} */ url) => refused(messages.invalidUploadURL(url));
const credentials = refused(messages.credentialsInUploadURL());

// One case per line, so the table reads as one.
// prettier-ignore
/** @type {[string, string, string, Verdict][]} */
const table = [
  // what, upload URL, upload-hosts, verdict
  ['no URL', '', cf, refused(messages.noUploadURL())],
  ['Cloudflare’s upload host', 'https://upload.imagedelivery.net/hash/id', cf, ok('https://upload.imagedelivery.net/hash/id')],
  ['scheme and host in capitals (the path keeps its case)', 'HTTPS://UPLOAD.IMAGEDELIVERY.NET/Hash/ID', cf, ok('https://upload.imagedelivery.net/Hash/ID')],
  ['the default port written out', 'https://upload.imagedelivery.net:443/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['the default port with a leading zero', 'https://upload.imagedelivery.net:0443/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['another port on an allowed host', 'https://upload.imagedelivery.net:8443/x', cf, notAllowed('upload.imagedelivery.net:8443')],
  ['surrounding white space, as an attribute may carry', ' https://upload.imagedelivery.net/x\n', cf, ok('https://upload.imagedelivery.net/x')],
  ['a percent-encoded dot in the host', 'https://upload%2Eimagedelivery.net/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['full-width letters, the same host after IDNA mapping', 'https://ＵＰＬＯＡＤ.imagedelivery.net/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['a backslash for the path’s slash', 'https://upload.imagedelivery.net\\x', cf, ok('https://upload.imagedelivery.net/x')],
  ['no slashes after the scheme', 'https:upload.imagedelivery.net/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['a trailing dot: another host name, not listed', 'https://upload.imagedelivery.net./x', cf, notAllowed('upload.imagedelivery.net.')],
  ['a host that only starts with the allowed one', 'https://upload.imagedelivery.net.evil.example/x', cf, notAllowed('upload.imagedelivery.net.evil.example')],
  ['the allowed host only in the path', 'https://evil.example/upload.imagedelivery.net', cf, notAllowed('evil.example')],
  ['the allowed host only after a fragment’s @', 'https://evil.example#@upload.imagedelivery.net/', cf, notAllowed('evil.example')],
  ['a user name and password', 'https://user:secret@upload.imagedelivery.net/x', cf, credentials],
  ['a user name only', 'https://user@upload.imagedelivery.net/x', cf, credentials],
  ['a password only', 'https://:secret@upload.imagedelivery.net/x', cf, credentials],
  ['the allowed host as a user name before another host', 'https://upload.imagedelivery.net@evil.example/x', cf, credentials],
  ['credentials over http to loopback', 'http://user:secret@localhost:8787/x', 'localhost:8787', credentials],
  ['an empty user info', 'https://@upload.imagedelivery.net/x', cf, ok('https://upload.imagedelivery.net/x')],
  ['plain http to the real host', 'http://upload.imagedelivery.net/x', cf, insecure('http:')],
  ['plain http to localhost', 'http://localhost:8787/x', 'localhost:8787', ok('http://localhost:8787/x')],
  ['plain http to LOCALHOST in capitals', 'HTTP://LOCALHOST:8787/x', 'localhost:8787', ok('http://localhost:8787/x')],
  ['plain http to 127.0.0.1', 'http://127.0.0.1:8787/x', '127.0.0.1:8787', ok('http://127.0.0.1:8787/x')],
  ['plain http to 127.0.0.1 written in hex', 'http://0x7f.0.0.1:8787/x', '127.0.0.1:8787', ok('http://127.0.0.1:8787/x')],
  ['plain http to 127.0.0.1 written as one number', 'http://2130706433:8787/x', '127.0.0.1:8787', ok('http://127.0.0.1:8787/x')],
  ['plain http to [::1]', 'http://[::1]:8787/x', '[::1]:8787', ok('http://[::1]:8787/x')],
  ['plain http to [::1] written in full', 'http://[0:0:0:0:0:0:0:1]:8787/x', '[::1]:8787', ok('http://[::1]:8787/x')],
  ['plain http to another loopback address', 'http://127.0.0.2:8787/x', '127.0.0.2:8787', insecure('http:')],
  ['plain http to IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:8787/x', '[::ffff:127.0.0.1]:8787', insecure('http:')],
  ['plain http to localhost with a trailing dot', 'http://localhost./x', 'localhost.', insecure('http:')],
  ['plain http to a name that merely contains localhost', 'http://localhost.evil.example/x', 'localhost.evil.example', insecure('http:')],
  ['plain http to a public name that resolves to 127.0.0.1', 'http://127.0.0.1.nip.io/x', '127.0.0.1.nip.io', insecure('http:')],
  ['https to loopback still needs it listed', 'https://localhost:8787/x', cf, notAllowed('localhost:8787')],
  ['javascript:', 'javascript:alert(1)', cf, insecure('javascript:')],
  ['data:', 'data:image/png;base64,iVBORw0KGgo=', cf, insecure('data:')],
  ['blob: of an allowed origin', 'blob:https://upload.imagedelivery.net/0b8f', cf, insecure('blob:')],
  ['file:', 'file:///etc/passwd', cf, insecure('file:')],
  ['ftp:', 'ftp://upload.imagedelivery.net/x', cf, insecure('ftp:')],
  ['wss:', 'wss://upload.imagedelivery.net/x', cf, insecure('wss:')],
  ['a path alone', '/api/upload', cf, invalid('/api/upload')],
  ['a scheme-relative URL', '//upload.imagedelivery.net/x', cf, invalid('//upload.imagedelivery.net/x')],
  ['a host and path with no scheme', 'upload.imagedelivery.net/x', cf, invalid('upload.imagedelivery.net/x')],
  ['not a URL', 'not a url', cf, invalid('not a url')],
  ['a bad port', 'https://upload.imagedelivery.net:99999/x', cf, invalid('https://upload.imagedelivery.net:99999/x')],
  ['an IPv6 host', 'https://[2001:db8::1]/x', '[2001:db8::1]', ok('https://[2001:db8::1]/x')],
  ['an IPv6 host listed in another spelling', 'https://[2001:db8::1]/x', '[2001:DB8:0::1]', ok('https://[2001:db8::1]/x')],
  ['an IPv6 host listed without brackets', 'https://[2001:db8::1]/x', '2001:db8::1', notAllowed('[2001:db8::1]')],
];

// One case per line, so the table reads as one.
// prettier-ignore
/** @type {[string, string, string, Verdict][]} */
const hostLists = [
  // what, upload URL, upload-hosts, verdict
  ['several hosts, separated by any white space', 'https://images.example.com/x', 'upload.imagedelivery.net\n\timages.example.com  ', ok('https://images.example.com/x')],
  ['a listed host in capitals', 'https://upload.imagedelivery.net/x', 'UPLOAD.ImageDelivery.NET', ok('https://upload.imagedelivery.net/x')],
  ['a listed host with its default port', 'https://upload.imagedelivery.net/x', 'upload.imagedelivery.net:443', ok('https://upload.imagedelivery.net/x')],
  ['a listed host with another port', 'https://upload.imagedelivery.net/x', 'upload.imagedelivery.net:8443', notAllowed('upload.imagedelivery.net')],
  ['a listed host with a trailing slash', 'https://upload.imagedelivery.net/x', 'upload.imagedelivery.net/', ok('https://upload.imagedelivery.net/x')],
  ['a listed host with a trailing dot', 'https://upload.imagedelivery.net/x', 'upload.imagedelivery.net.', notAllowed('upload.imagedelivery.net')],
  ['a listed URL rather than a host', 'https://upload.imagedelivery.net/x', 'https://upload.imagedelivery.net', notAllowed('upload.imagedelivery.net')],
  ['commas do not separate hosts', 'https://images.example.com/x', 'upload.imagedelivery.net,images.example.com', notAllowed('images.example.com')],
  ['a wildcard is not a pattern', 'https://upload.imagedelivery.net/x', '*.imagedelivery.net', notAllowed('upload.imagedelivery.net')],
  ['a parent domain does not allow its subdomains', 'https://upload.imagedelivery.net/x', 'imagedelivery.net', notAllowed('upload.imagedelivery.net')],
  ['a subdomain does not allow its parent', 'https://imagedelivery.net/x', cf, notAllowed('imagedelivery.net')],
  ['an empty list allows nothing', 'https://upload.imagedelivery.net/x', '', notAllowed('upload.imagedelivery.net')],
  ['a list of white space allows nothing', 'https://upload.imagedelivery.net/x', ' \n ', notAllowed('upload.imagedelivery.net')],
  ['listing a host does not allow plain http to it', 'http://images.example.com/x', 'images.example.com', insecure('http:')],
];

/** @param {ReturnType<typeof checkUploadURL>} check */
const verdictOf = (check) => (check.ok ? { ok: check.url.href } : { refused: check.message });

describe('checkUploadURL(uploadURL, uploadHosts): the URL itself', () => {
  for (const [what, url, hosts, verdict] of table) {
    it(`${what}: ${JSON.stringify(url)} → ${'ok' in verdict ? 'sent' : 'refused'}`, () => {
      assert.deepEqual(verdictOf(checkUploadURL(url, hosts)), verdict);
    });
  }
});

describe('checkUploadURL(uploadURL, uploadHosts): the upload-hosts list', () => {
  for (const [what, url, hosts, verdict] of hostLists) {
    it(`${what}: ${JSON.stringify(hosts)} → ${'ok' in verdict ? 'sent' : 'refused'}`, () => {
      assert.deepEqual(verdictOf(checkUploadURL(url, hosts)), verdict);
    });
  }

  it('allows only Cloudflare’s upload host unless the page names others', () => {
    assert.equal(defaultUploadHosts, 'upload.imagedelivery.net');
  });
});
