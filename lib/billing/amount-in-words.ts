/**
 * Amounts in words in Russian, as an invoice prints them: «Сто двадцать тысяч тенге 50 тиын».
 * Tenge and tiyn do not decline (the National Bank's usage), so only the number words change.
 */

const UNITS_M = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const UNITS_F = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

/** Scales above units: [one, two-to-four, five-and-more], and whether the scale word is feminine. */
const SCALES: { forms: [string, string, string]; feminine: boolean }[] = [
  { forms: ["тысяча", "тысячи", "тысяч"], feminine: true },
  { forms: ["миллион", "миллиона", "миллионов"], feminine: false },
  { forms: ["миллиард", "миллиарда", "миллиардов"], feminine: false },
];

/** The Russian plural form for a count: 1 → one, 2–4 → few, else many (11–14 are many). */
export function pluralForm(n: number, forms: readonly [string, string, string]): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function triad(n: number, feminine: boolean): string[] {
  const words = [HUNDREDS[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]!);
  else words.push(TENS[Math.floor(rest / 10)]!, (feminine ? UNITS_F : UNITS_M)[rest % 10]!);
  return words.filter(Boolean);
}

/** A whole non-negative number in words, masculine («один», «два»): 0 → «ноль». */
export function integerInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 1e12) throw new RangeError(`out of range: ${value}`);
  if (value === 0) return "ноль";
  const words: string[] = [];
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    const scale = i > 0 ? SCALES[i - 1]! : null;
    words.push(...triad(group, scale?.feminine ?? false));
    if (scale) words.push(pluralForm(group, scale.forms));
  }
  return words.join(" ");
}

/** An amount in tiyn as words: «Сто двадцать тысяч тенге 50 тиын», the first letter capital. */
export function tengeInWords(tiyn: number): string {
  if (!Number.isSafeInteger(tiyn) || tiyn < 0) throw new RangeError(`out of range: ${tiyn}`);
  const tenge = Math.floor(tiyn / 100);
  const rest = tiyn % 100;
  const text = `${integerInWords(tenge)} тенге ${String(rest).padStart(2, "0")} тиын`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Tiyn as figures the Kazakh way: «120 000,50». */
export function formatTiyn(tiyn: number): string {
  return new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(tiyn / 100)
    .replace(/\s/g, "\u00a0");
}
