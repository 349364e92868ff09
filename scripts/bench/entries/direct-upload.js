// <direct-upload> as an app gets it from npm: the package's build, with lit, Uppy and image-size
// bundled from node_modules by the app's bundler.
import '../../../dist/index.js';

const uploader = document.createElement('direct-upload');
uploader.setAttribute('upload-url-endpoint', '/api/upload-url');
document.body.append(uploader);
