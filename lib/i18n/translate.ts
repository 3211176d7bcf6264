/**
 * What the presentational components shared by the App Router and the Pages Router landing need of
 * a translator: next-intl's `getTranslations()` on the server and its `createTranslator` both fit.
 */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
