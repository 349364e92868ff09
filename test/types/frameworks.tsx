/**
 * Type tests for the framework typings: `npm run typecheck` compiles this file; each
 * `@ts-expect-error` fails the check if the typings stop catching that mistake.
 */
import type {} from 'direct-upload/react-jsx';
import type {} from 'direct-upload/vue';
import { DirectUpload } from 'direct-upload/react';
import type { UploadSuccessDetail } from 'direct-upload';
import type { GlobalComponents } from 'vue';

export const react19 = (
  <direct-upload
    uploadHosts="upload.imagedelivery.net"
    maxFileSize={1024}
    manual
    uploadURLProvider={async () => ({ uploadURL: 'https://upload.imagedelivery.net/a/b' })}
    onupload-success={(event) => event.detail.variants.map((v: string) => v)}
  />
);

// @ts-expect-error maxFileSize is a number
export const wrongProp = <direct-upload maxFileSize="big" />;

export const gallery = <direct-upload multiple maxFiles={10} maxParallel={2} capture="environment" name="photos" required />;

// @ts-expect-error maxParallel is a number
export const wrongGallery = <direct-upload multiple maxParallel="two" />;

// @ts-expect-error the detail of upload-success has no `bytes`
export const wrongDetail = <direct-upload onupload-success={(event) => event.detail.bytes} />;

export const react18 = (
  <DirectUpload
    uploadURLEndpoint="/api/upload-url"
    onUploadSuccess={(event) => event.detail.id.toUpperCase()}
    onUrlExpired={(event) => event.detail.detectedBy === 'clock'}
  />
);

// @ts-expect-error `certain` is a boolean, not a string
export const wrongHandler = <DirectUpload onUrlExpired={(event) => event.detail.certain.toUpperCase()} />;

type VueProps = InstanceType<GlobalComponents['direct-upload']>['$props'];
export const vueHandler: VueProps['onUploadSuccess'] = (event) => {
  const detail: UploadSuccessDetail = event.detail;
  return detail.id;
};
// @ts-expect-error Vue's props for the element know its property types
export const vueWrong: VueProps['maxArea'] = 'large';
