// @ts-check
/** `npm run build` writes custom-elements.json from the element's JSDoc; a test checks it is current. */
export default {
  globs: ['src/direct-upload.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; left on, the analyzer rewrites it on every run (the
  // manifest test's run too, pointing it at that run's output folder).
  packagejson: false,
  plugins: [
    {
      // The manifest describes what a page may use: private fields and internal state are not that.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!('members' in declaration)) continue;
            // An `@internal` field is left out by the analyzer, but its entry in `static properties` (Lit state, named `_…`) is not.
            // Static fields (formAssociated, shadowRootOptions) are read by the browser and Lit, not by a page.
            declaration.members = declaration.members?.filter((m) => m.privacy !== 'private' && !/^[#_]/.test(m.name) && !m.static);
            if ('attributes' in declaration) {
              declaration.attributes = declaration.attributes?.filter((a) => !a.name.startsWith('_'));
            }
          }
        }
      },
    },
  ],
};
