import type { ComplexAttributeConverter } from 'lit';

/**
 * Attribute converters that never throw and never loosen a limit: a removed attribute, or a value
 * that is not a plain number ("10MB", "12k", "-1"), means the default.
 */
export const textOr = (fallback: string): ComplexAttributeConverter<string> => ({
  fromAttribute: (value) => value ?? fallback,
  toAttribute: (value) => value,
});

export const numberOr = (fallback: number, least = 0): ComplexAttributeConverter<number> => ({
  fromAttribute: (value) => orDefault(value === null || value.trim() === '' ? Number.NaN : Number(value), fallback, least),
  toAttribute: (value) => String(value),
});

/** `value` when it is a finite number of at least `least`, else `fallback`: for properties set from code. */
export function orDefault(value: unknown, fallback: number, least = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= least ? value : fallback;
}
