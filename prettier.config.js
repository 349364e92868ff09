/** @type {import('prettier').Config} */
export default {
  // The width the code was written to: the narrowest that leaves most existing lines as they are.
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  // Lit's html`` and css`` stay as written: reflowing a template changes the whitespace, and so the text, of what it renders.
  embeddedLanguageFormatting: 'off',
};
