const numbers = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** Counts with the Kazakh grouping (spaces), whatever the page's language. */
export const formatCount = (value: number) => numbers.format(value);

/** Storage in gigabytes, the way tariffs are sold. */
export const storageGb = (storageMb: number) => numbers.format(storageMb / 1024);
