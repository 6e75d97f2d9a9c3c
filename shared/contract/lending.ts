/** Lending: every method and live topic of the module, declared once. */
export const lendingMethods = {} as const;

export const lendingTopics = {} as const;
