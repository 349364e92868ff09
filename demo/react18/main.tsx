import { DirectUpload, type UploadSuccessDetail } from 'direct-upload/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { getUploadURL, uploadHosts } from '../upload-url.js';

// React 18 sets attributes on custom elements and does not listen to their events, so this example
// uses the React component from direct-upload/react: props are properties, events are onXxx handlers.
function App() {
  const [image, setImage] = useState<UploadSuccessDetail | null>(null);
  const [error, setError] = useState('');
  return (
    <main>
      <h1>direct-upload with React 18</h1>
      <DirectUpload
        uploadHosts={uploadHosts}
        uploadURLProvider={getUploadURL}
        onUploadSuccess={(event) => setImage(event.detail)}
        onUploadError={(event) => setError(event.detail.message)}
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
