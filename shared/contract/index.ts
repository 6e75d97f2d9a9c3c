import type { z } from 'zod';
import { auditMethods, auditTopics } from './audit';
import { lendingMethods, lendingTopics } from './lending';
import { peopleMethods, peopleTopics } from './people';
import { requestsMethods, requestsTopics } from './requests';
import { settingsMethods } from './settings';
import { systemMethods } from './system';
import type { MethodSpec, TopicSpec } from './define';

export * from './define';
export * from './entities';
export { PeopleListParams, Duplicate } from './people';
export { SiteSettings, DEFAULT_SETTINGS } from './settings';

/** Every method of the product, declared once. */
export const methods = { ...systemMethods, ...settingsMethods, ...peopleMethods, ...auditMethods, ...lendingMethods, ...requestsMethods } as const;
/** Every live topic of the product, declared once. */
export const topics = { ...peopleTopics, ...auditTopics, ...lendingTopics, ...requestsTopics } as const;

export type Methods = typeof methods;
export type Topics = typeof topics;
export type MethodName = keyof Methods;
export type TopicName = keyof Topics;

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type TopicParams<T extends TopicName> = z.input<Topics[T]['params']>;
export type TopicParsedParams<T extends TopicName> = z.output<Topics[T]['params']>;
export type TopicResult<T extends TopicName> = z.output<Topics[T]['result']>;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(methods, name);
export const isTopicName = (name: string): name is TopicName => Object.prototype.hasOwnProperty.call(topics, name);
export const methodSpec = (name: MethodName): MethodSpec => methods[name];
export const topicSpec = (name: TopicName): TopicSpec => topics[name];
