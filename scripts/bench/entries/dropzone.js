// Dropzone with its full stylesheet (the basic one leaves the previews unstyled), one image at a time.
import Dropzone from 'dropzone';
import 'dropzone/dist/dropzone.css';

const form = document.body.appendChild(document.createElement('form'));
form.className = 'dropzone';
new Dropzone(form, { url: 'https://upload.example/', paramName: 'file', acceptedFiles: 'image/*', maxFiles: 1 });
