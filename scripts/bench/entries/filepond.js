// FilePond's core (no plugins), its stylesheet, one instance posting to an upload URL.
import * as FilePond from 'filepond';
import 'filepond/dist/filepond.css';

const input = document.body.appendChild(document.createElement('input'));
input.type = 'file';
FilePond.create(input, { name: 'file', server: { process: { url: 'https://upload.example/', method: 'POST' } } });
