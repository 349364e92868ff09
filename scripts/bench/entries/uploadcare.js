// Uploadcare's regular upload widget as its documentation installs it from npm: every component
// registered (defineComponents takes the whole module), its one stylesheet, and the config, widget
// and context elements. It uploads to Uploadcare's own storage; there is no upload URL to give it.
import * as UC from '@uploadcare/file-uploader';
import '@uploadcare/file-uploader/index.css';

UC.defineComponents(UC);
document.body.insertAdjacentHTML(
  'beforeend',
  '<uc-config ctx-name="uploader" pubkey="demopublickey" img-only multiple="false"></uc-config>' +
    '<uc-file-uploader-regular ctx-name="uploader"></uc-file-uploader-regular>' +
    '<uc-upload-ctx-provider ctx-name="uploader"></uc-upload-ctx-provider>',
);
