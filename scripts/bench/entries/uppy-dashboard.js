// Uppy's Dashboard with @uppy/core and @uppy/xhr-upload, and the stylesheets the Dashboard needs.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import XHRUpload from '@uppy/xhr-upload';
import '@uppy/core/css/style.css';
import '@uppy/dashboard/css/style.css';

const target = document.body.appendChild(document.createElement('div'));
new Uppy({ restrictions: { allowedFileTypes: ['image/*'], maxNumberOfFiles: 1 } })
  .use(Dashboard, { inline: true, target })
  .use(XHRUpload, { endpoint: 'https://upload.example/', fieldName: 'file', formData: true });
