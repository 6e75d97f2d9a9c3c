/** Requests strings, English and Spanish (same keys; tests/unit/i18n.test.ts checks). */
export const requestsEn = {};

export const requestsEs: typeof requestsEn = {};
