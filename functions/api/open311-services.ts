// GET /open311/v2/discovery.{json,xml}, services.{json,xml}, services/{code}.{json,xml}: what the endpoint offers. No key.
import { NotFoundError } from '../../domain/errors.js';
import { discovery } from '../../domain/open311/discovery.js';
import { offeredByOpen311, open311ServiceDefinition, open311Services } from '../../domain/open311/services.js';
import { systemActor } from '../../schemas/actor.js';
import { Open311Query } from '../../schemas/open311.js';
import { Id } from '../../schemas/common.js';
import { type ApiEvent, pathParameter, preferredLanguage } from '../shared/http.js';
import { open311Handler, open311Reply, parseArguments, withoutExtension } from '../shared/open311-http.js';
import { decisionContext } from '../shared/services.js';

export const handler = open311Handler(async (event) => {
  parseArguments(event.queryStringParameters ?? {}, Open311Query);
  const language = preferredLanguage(event.headers?.['accept-language']);
  const { city } = await decisionContext(systemActor);
  if (event.rawPath.includes('/discovery.')) return open311Reply(event, 200, 'discovery', discovery(endpointUrl(event), city, language));
  if (!event.pathParameters?.code) return open311Reply(event, 200, 'services', open311Services(city, language));
  const code = withoutExtension(pathParameter(event, 'code', Id));
  const category = city.category(code);
  if (!category || !offeredByOpen311(category)) throw new NotFoundError('service', code);
  return open311Reply(event, 200, 'service_definition', open311ServiceDefinition(category, language));
});

/** This endpoint's base URL as the client reached it (API Gateway says the scheme; locally it is plain http). */
function endpointUrl(event: ApiEvent): string {
  const host = event.headers?.host ?? event.requestContext.domainName;
  const scheme = event.headers?.['x-forwarded-proto'] ?? (/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https');
  return `${scheme}://${host}/open311/v2`;
}
