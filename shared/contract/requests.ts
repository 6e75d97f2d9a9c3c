/** Requests: every method and live topic of the module, declared once. */
export const requestsMethods = {} as const;

export const requestsTopics = {} as const;
