import type { lendingMethods, lendingTopics } from '../../../shared/contract/lending';
import type { Handlers, Services, TopicHandlers } from '../context';

export function lendingHandlers(_s: Services): Pick<Handlers, keyof typeof lendingMethods> {
  return {};
}

export function lendingTopicHandlers(_s: Services): Pick<TopicHandlers, keyof typeof lendingTopics> {
  return {};
}
