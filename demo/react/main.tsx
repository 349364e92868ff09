import type {} from 'direct-upload/react-jsx';
import 'direct-upload';
import type { UploadSuccessDetail } from 'direct-upload';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { getUploadURL, uploadHosts } from '../upload-url.js';

// React 19 sets the element's properties from props of the same name and listens to its events
// through `on<event-name>` props, so the element is used as it is.
function App() {
  const [image, setImage] = useState<UploadSuccessDetail | null>(null);
  const [error, setError] = useState('');
  return (
    <main>
      <h1>direct-upload with React 19</h1>
      <direct-upload
        uploadHosts={uploadHosts}
        uploadURLProvider={getUploadURL}
        onupload-success={(event) => setImage(event.detail)}
        onupload-error={(event) => setError(event.detail.message)}
      />
      {image && (
        <>
          <p role="status">Uploaded {image.id}</p>
          <img src={image.variants[0]} alt="The uploaded image" width={320} />
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
