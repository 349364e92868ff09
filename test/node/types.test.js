// @ts-check
/** The published types (dist/*.d.ts) as a user's compiler sees them: `npm test` builds them first. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const path = (/** @type {string} */ file) => fileURLToPath(new URL(`../../${file}`, import.meta.url));
const read = (/** @type {string} */ file) => readFileSync(path(file), 'utf8');
const parse = (/** @type {string} */ file) => ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
const declarationFiles = readdirSync(path('dist'))
  .filter((name) => name.endsWith('.d.ts'))
  .map((name) => `dist/${name}`);

/** @param {ts.Node} node */
function nameOf(node) {
  const name = /** @type {{ name?: ts.Node }} */ (node).name;
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/** @param {ts.Node} node @param {(node: ts.Node) => void} visit */
function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** Names of what the source marks `@internal`: the declarations the build must leave out of dist. */
function internalNames() {
  /** @type {string[]} */
  const names = [];
  for (const file of readdirSync(path('src')).filter((name) => name.endsWith('.ts'))) {
    walk(parse(`src/${file}`), (node) => {
      const name = nameOf(node);
      if (name && ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal')) names.push(name);
    });
  }
  return names;
}

/** Names declared in a declaration file: its top-level declarations and the members of its classes and interfaces. */
function declaredNames(/** @type {string} */ file) {
  /** @type {string[]} */
  const names = [];
  for (const statement of parse(file).statements) {
    const name = nameOf(statement);
    if (name) names.push(name);
    if (ts.isVariableStatement(statement)) names.push(...statement.declarationList.declarations.map((d) => d.name.getText()));
    if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      for (const member of statement.members) names.push(nameOf(member) ?? member.getText());
    }
  }
  return names;
}

/** The properties and methods in the README's API tables. */
function readmeAPI() {
  const readme = read('README.md');
  const table = (/** @type {string} */ heading) => {
    const section = readme.split(`\n### ${heading}\n`)[1].split('\n#')[0];
    // Rows below the header and the separator; a cell may hold an escaped `\|`.
    return section
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .slice(2)
      .map((line) => line.split(/(?<!\\)\|/));
  };
  // A row may name more than one property or method: `form`, `validity`…; `checkValidity()`, `reportValidity()`.
  const properties = table('Attributes and properties').map((cells) => [...cells[2].matchAll(/`(\w+)`/g)].map((match) => match[1]));
  const methods = table('Methods').map((cells) => [...cells[1].matchAll(/`(\w+)\(/g)].map((match) => match[1]));
  return [...properties, ...methods].flatMap((names) => {
    assert.ok(names.length > 0, 'a row of the README’s API tables names no property or method');
    return names;
  });
}

describe('the published types', () => {
  it('leave out everything the source marks @internal', () => {
    const internal = internalNames();
    // The element's reactive drag state and the event helper are internal; if neither is found, the search is broken.
    assert.ok(internal.includes('_dragging') && internal.includes('emit'), `found only ${internal.join(', ')}`);
    const leaks = declarationFiles.flatMap((file) =>
      declaredNames(file)
        .filter((name) => internal.includes(name))
        .map((name) => `${file}: ${name}`),
    );
    assert.deepEqual(leaks, [], 'tsconfig.build.json must strip @internal declarations');
  });

  it('give the element class exactly the API the README documents, plus LitElement’s hooks', () => {
    const file = parse('dist/direct-upload.d.ts');
    const element = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === 'DirectUploadElement');
    assert.ok(element && ts.isClassDeclaration(element), 'dist/direct-upload.d.ts declares no DirectUploadElement');
    // `#private` stands for every #field and is invisible to users; formAssociated is read by the browser;
    // the rest override LitElement's own members.
    const fromLit = [
      '#private',
      'constructor',
      'formAssociated',
      'styles',
      'shadowRootOptions',
      'properties',
      'willUpdate',
      'update',
      'render',
    ];
    const members = element.members.map((member) => (ts.isConstructorDeclaration(member) ? 'constructor' : String(nameOf(member))));
    const documented = readmeAPI();
    assert.ok(documented.length >= 30, `only ${documented.length} names in the README's API tables`);
    const undocumented = members.filter((name) => !fromLit.includes(name) && !documented.includes(name));
    assert.deepEqual(undocumented, [], 'the published class shows members that the README does not document');
    assert.deepEqual(
      documented.filter((name) => !members.includes(name)),
      [],
      'the README documents members that the published class lacks',
    );
  });

  it('compile as published, with nothing they refer to stripped away', () => {
    const pkg = JSON.parse(read('package.json'));
    const entries = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'object' && target.types ? [path(target.types)] : [],
    );
    assert.ok(entries.length >= 4, `only ${entries.length} typed entry points in package.json`);
    const program = ts.createProgram(entries, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      types: [],
      noEmit: true,
    });
    const errors = program
      .getSourceFiles()
      .filter((source) => source.fileName.startsWith(path('dist/')))
      .flatMap((source) => [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)])
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    assert.deepEqual(errors, []);
  });
});
