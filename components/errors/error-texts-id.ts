/** The id of the JSON block with the error boundaries' texts (no imports: read by client code too). */
export const ERROR_TEXTS_ID = "error-texts";
