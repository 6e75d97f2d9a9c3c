/** Lending strings, English and Spanish (same keys; tests/unit/i18n.test.ts checks). */
export const lendingEn = {};

export const lendingEs: typeof lendingEn = {};
