import type { requestsMethods, requestsTopics } from '../../../shared/contract/requests';
import type { Handlers, Services, TopicHandlers } from '../context';

export function requestsHandlers(_s: Services): Pick<Handlers, keyof typeof requestsMethods> {
  return {};
}

export function requestsTopicHandlers(_s: Services): Pick<TopicHandlers, keyof typeof requestsTopics> {
  return {};
}
