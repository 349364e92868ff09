// @ts-check
/**
 * The attribute converters and orDefault as decision tables: a removed attribute, or a value that
 * is not a plain number at least as large as the least allowed, gives the default; nothing throws,
 * and no value can loosen a limit below its least.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberOr, orDefault, textOr } from '../../src/attributes.js';

/** Lit hands converters a second argument, the property's type; these converters ignore it. */
const fromAttribute = (/** @type {import('lit').ComplexAttributeConverter<any>} */ converter, /** @type {string | null} */ value) =>
  /** @type {Function} */ (converter.fromAttribute)(value, undefined);
const toAttribute = (/** @type {import('lit').ComplexAttributeConverter<any>} */ converter, /** @type {unknown} */ value) =>
  /** @type {Function} */ (converter.toAttribute)(value, undefined);

describe('textOr(fallback)', () => {
  const converter = textOr('upload.imagedelivery.net');
  /** @type {[string, string | null, string][]} */
  const table = [
    ['removed', null, 'upload.imagedelivery.net'],
    ['empty: a value the page chose', '', ''],
    ['white space, kept as written', ' a.example ', ' a.example '],
    ['a value', 'images.example.com', 'images.example.com'],
  ];
  for (const [what, value, want] of table) {
    it(`${what}: ${JSON.stringify(value)} → ${JSON.stringify(want)}`, () => assert.equal(fromAttribute(converter, value), want));
  }

  it('reflects the value as written', () => assert.equal(toAttribute(converter, 'images.example.com'), 'images.example.com'));
});

describe('numberOr(fallback, least)', () => {
  /** @type {[string, string | null, number, number | undefined, number][]} */
  const table = [
    // what, attribute value, fallback, least (undefined: the default 0), property value
    ['removed', null, 60, undefined, 60],
    ['empty', '', 60, undefined, 60],
    ['white space only', ' \t\n', 60, undefined, 60],
    ['a whole number', '120', 60, undefined, 120],
    ['a whole number in white space', ' 120 ', 60, undefined, 120],
    ['a fraction', '1.5', 60, undefined, 1.5],
    ['a fraction with no leading digit', '.5', 60, undefined, 0.5],
    ['an exponent', '1e3', 60, undefined, 1000],
    ['a plus sign', '+7', 60, undefined, 7],
    ['zero, when zero is the least', '0', 60, undefined, 0],
    ['zero, when one is the least', '0', 3, 1, 3],
    ['the least itself', '1', 3, 1, 1],
    ['below the least', '0.5', 3, 1, 3],
    ['negative', '-1', 10_485_760, undefined, 10_485_760],
    ['a unit', '10MB', 10_485_760, undefined, 10_485_760],
    ['a suffix', '12k', 5_000, undefined, 5_000],
    ['two numbers', '10 20', 60, undefined, 60],
    ['a comma for the decimal point', '1,5', 60, undefined, 60],
    ['Infinity', 'Infinity', 20, 1, 20],
    ['too large to be finite', '1e400', 20, 1, 20],
    ['NaN', 'NaN', 20, 1, 20],
    ['a word', 'many', 20, 1, 20],
  ];
  for (const [what, value, fallback, least, want] of table) {
    it(`${what}: ${JSON.stringify(value)} (default ${fallback}, least ${least ?? 0}) → ${want}`, () => {
      assert.equal(fromAttribute(numberOr(fallback, least), value), want);
    });
  }

  it('reflects the number as a string', () => assert.equal(toAttribute(numberOr(60), 1.5), '1.5'));
});

describe('orDefault(value, fallback, least): properties set from code', () => {
  /** @type {[string, unknown, number, number | undefined, number][]} */
  const table = [
    // what, property value, fallback, least, result
    ['a number', 5, 3, undefined, 5],
    ['zero, when zero is the least', 0, 3, undefined, 0],
    ['zero, when one is the least', 0, 3, 1, 3],
    ['the least itself', 1, 3, 1, 1],
    ['negative', -5, 3, undefined, 3],
    ['a fraction below the least', 0.5, 3, 1, 3],
    ['NaN', Number.NaN, 3, undefined, 3],
    ['Infinity', Number.POSITIVE_INFINITY, 3, undefined, 3],
    ['-Infinity', Number.NEGATIVE_INFINITY, 3, undefined, 3],
    ['a numeric string: a property takes numbers only', '5', 3, undefined, 3],
    ['a bigint', 5n, 3, undefined, 3],
    ['null', null, 3, undefined, 3],
    ['undefined', undefined, 3, undefined, 3],
    ['a Number object', Object(5), 3, undefined, 3],
  ];
  for (const [what, value, fallback, least, want] of table) {
    it(`${what} (default ${fallback}, least ${least ?? 0}) → ${want}`, () => assert.equal(orDefault(value, fallback, least), want));
  }
});
