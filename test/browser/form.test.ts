/** The element as a form field: value, required, reset, fieldset, restore, and custom states. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { DirectUploadElement } from '../../src/index.js';
import { emulatorHost, mintUploadURL, misbehave } from './emulator.js';
import { galleryProvider, image } from './gallery-helpers.js';

async function formWith(uploadURL: string, attributes: { multiple?: boolean } = {}) {
  const form = await fixture<HTMLFormElement>(html`<form>
    <fieldset>
      <direct-upload
        name="photo"
        required
        upload-url=${attributes.multiple ? '' : uploadURL}
        upload-hosts=${await emulatorHost()}
        ?multiple=${attributes.multiple ?? false}
      ></direct-upload>
    </fieldset>
  </form>`);
  const el = form.querySelector('direct-upload') as DirectUploadElement;
  await el.updateComplete;
  return { form, el, fieldset: form.querySelector('fieldset')! };
}

const chooseButton = (el: DirectUploadElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;

describe('<direct-upload> in a form', () => {
  it('keeps a required form invalid until the image is stored, then submits its id', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const { form, el } = await formWith(uploadURL);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity?.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose an image to upload.');
    expect(new FormData(form).has('photo')).to.equal(false);

    await el.selectFile(image('photo.png'));
    await el.updateComplete;
    expect(el.status).to.equal('success');
    expect(form.checkValidity()).to.equal(true);
    expect(el.value).to.equal(id);
    expect(new FormData(form).getAll('photo')).to.deep.equal([id]);
  });

  it('says to wait while the image is still on its way', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 200_000 });
    const { el } = await formWith(uploadURL);
    el.manual = true;
    await el.selectFile(image('photo.png', 300_000));
    const sending = el.upload();
    await oneEvent(el, 'upload-start');
    await el.updateComplete;
    expect(el.status).to.equal('uploading');
    expect(el.validationMessage).to.equal('Wait until the image has uploaded.');
    await sending;
  });

  it('with multiple, submits one entry per stored image', async () => {
    const { provider, given } = galleryProvider();
    const { form, el } = await formWith('', { multiple: true });
    el.uploadURLProvider = provider;
    expect(el.validationMessage).to.equal('Choose at least one image to upload.');
    await el.selectFiles([image('a.png'), image('b.png')]);
    await el.updateComplete;
    expect(el.status).to.equal('success');
    const submitted = new FormData(form).getAll('photo');
    expect([...submitted].sort()).to.deep.equal(given.map((g) => g.id).sort());
    expect(el.files.map((f) => f.id)).to.deep.equal(submitted);
  });

  it('reportValidity() says why and puts focus on the button, never on the page', async () => {
    const { uploadURL } = await mintUploadURL();
    const { form, el } = await formWith(uploadURL);
    let invalid = 0;
    el.addEventListener('invalid', () => (invalid += 1));
    expect(form.reportValidity()).to.equal(false);
    expect(invalid).to.equal(1);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(chooseButton(el));
  });

  it('a form reset forgets the image and its value', async () => {
    const { uploadURL } = await mintUploadURL();
    const { form, el } = await formWith(uploadURL);
    await el.selectFile(image('photo.png'));
    form.reset();
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(el.files).to.deep.equal([]);
    expect(el.value).to.equal('');
    expect(new FormData(form).has('photo')).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
  });

  it('a disabled fieldset disables it: no file is taken and nothing is sent', async () => {
    const { uploadURL } = await mintUploadURL();
    const { el, fieldset } = await formWith(uploadURL);
    fieldset.disabled = true;
    await el.updateComplete;
    expect(chooseButton(el).disabled).to.equal(true);
    expect(await el.selectFile(image('photo.png'))).to.equal(false);
    expect(el.status).to.equal('idle');
    fieldset.disabled = false;
    await el.updateComplete;
    expect(chooseButton(el).disabled).to.equal(false);
    expect(await el.selectFile(image('photo.png'))).to.equal(true);
  });

  it('gives back the stored id when the browser restores the form (back/forward)', async () => {
    const { uploadURL } = await mintUploadURL();
    const { form, el } = await formWith(uploadURL);
    // What the browser calls with the state the element saved when the page was left.
    el.formStateRestoreCallback('img-restored', 'restore');
    await el.updateComplete;
    expect(el.value).to.equal('img-restored');
    expect(new FormData(form).getAll('photo')).to.deep.equal(['img-restored']);
    expect(form.checkValidity()).to.equal(true);
  });

  it('shows its status as a custom state pages can style', async () => {
    const { uploadURL } = await mintUploadURL();
    const { el } = await formWith(uploadURL);
    expect(el.matches(':state(idle)')).to.equal(true);
    el.manual = true;
    await el.selectFile(image('photo.png'));
    await el.updateComplete;
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(el.matches(':state(idle)')).to.equal(false);
    await el.upload();
    await el.updateComplete;
    expect(el.matches(':state(success)')).to.equal(true);
    expect(el.matches(':state(ready)')).to.equal(false);
  });
});
