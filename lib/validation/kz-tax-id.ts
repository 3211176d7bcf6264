/**
 * Kazakhstan's BIN (business identification number) and IIN (individual identification number):
 * 12 digits whose last digit is a control digit computed with two weight sequences mod 11.
 */
const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The control digit for the first 11 digits, or null when the sequence cannot be valid. */
export function kzControlDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  let control = weighted(WEIGHTS_1);
  if (control === 10) control = weighted(WEIGHTS_2);
  return control === 10 ? null : control;
}

/** True for 12 digits with a correct control digit. */
export function isValidKzTaxId(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return kzControlDigit(value.slice(0, 11)) === Number(value[11]);
}

/**
 * A valid BIN/IIN that nobody else is likely to hold: test fixtures, scale seeds and examples
 * need many distinct ones, since a tax id belongs to one Partner. The first digit 9 keeps them
 * apart from the demo seed; `random` returns a number in [0, 1).
 */
export function randomKzTaxId(random: () => number = Math.random): string {
  for (;;) {
    const body = "9" + String(Math.floor(random() * 1e10)).padStart(10, "0");
    const control = kzControlDigit(body);
    if (control !== null) return body + control;
  }
}

/** The n-th valid tax id of a deterministic sequence (seeds that must be repeatable). */
export function sequentialKzTaxId(n: number, prefix = "7"): string {
  for (let k = 0; ; k++) {
    const body = prefix + String(n * 10 + k).padStart(11 - prefix.length, "0");
    const control = kzControlDigit(body);
    if (control !== null) return body + control;
  }
}
