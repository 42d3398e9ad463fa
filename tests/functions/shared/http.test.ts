// The HTTP edge answers every rule the domain enforces, panel and zeroing rules included, with its status and rule id.
import { describe, expect, it } from 'vitest';
import { PanelCompositionError, VoteRejectedError } from '../../../domain/panel/panel-errors.js';
import { ZeroingRuleError } from '../../../domain/zeroing/zeroing-errors.js';
import { ConflictError, NotFoundError } from '../../../domain/errors.js';
import { httpHandler, parseBody, revalidatedJson, type ApiEvent } from '../../../functions/shared/http.js';
import { Callback } from '../../../schemas/commands.js';
import { lambdaContext } from '../../../local/lambda/lambda-context.js';

async function answerTo(error: Error, headers: Record<string, string> = { 'accept-language': 'en' }) {
  const handler = httpHandler(async () => {
    throw error;
  });
  const result = await handler({ rawPath: '/v1/test', headers, requestContext: {} } as unknown as ApiEvent, lambdaContext({ functionName: 'test' }));
  return { status: result.statusCode, body: JSON.parse(String(result.body)) as Record<string, unknown> };
}

describe('errors at the HTTP edge', () => {
  it.each([
    [new VoteRejectedError('vote.not-a-member', { zh: '您不是会商 P-1 的成员', en: 'you do not sit on panel P-1' }), 403, 'vote.not-a-member'],
    [new VoteRejectedError('vote.panel-closed', { zh: '会商 P-1 已结束', en: 'panel P-1 has closed' }), 409, 'vote.panel-closed'],
    [new PanelCompositionError('panel.too-few-members', { zh: '成员不足', en: 'the pool seats only 3 of 5' }), 422, 'panel.too-few-members'],
    [new ZeroingRuleError('zeroing.entry-not-open', 409, { zh: '条目已销号', en: 'entry is cleared' }), 409, 'zeroing.entry-not-open'],
    [new ConflictError('ticket.closed', { zh: '工单 T-1 已关闭', en: 'ticket T-1 is closed' }), 409, 'ticket.closed'],
    [new NotFoundError('ticket', 'T-404'), 404, 'ticket.not-found'],
  ])('%s answers %i with its rule', async (error, status, rule) => {
    const answer = await answerTo(error);

    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: error.constructor.name, rule, message: error.message });
  });

  it('answers in Chinese by default and when Chinese is preferred, in English when English is', async () => {
    const closed = new ConflictError('ticket.closed', { zh: '工单 T-1 已关闭', en: 'ticket T-1 is closed' });

    expect((await answerTo(closed, {})).body.message).toBe('工单 T-1 已关闭');
    expect((await answerTo(closed, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).body.message).toBe('工单 T-1 已关闭');
    expect((await answerTo(closed, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' })).body.message).toBe('ticket T-1 is closed');
    expect((await answerTo(closed, { 'accept-language': 'fr-FR' })).body.message).toBe('工单 T-1 已关闭');
  });

  it('answers anything else with 500 and a message that gives nothing away', async () => {
    const answer = await answerTo(new Error('ECONNREFUSED 10.0.0.7:8000 at /var/task/index.mjs:12'));

    expect(answer).toEqual({ status: 500, body: { error: 'InternalError', message: 'something went wrong; it has been logged' } });
  });
});

describe('answers a poller may already hold', () => {
  const asking = (ifNoneMatch?: string) => ({ headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch } }) as unknown as ApiEvent;
  const figures = { open: 3 };

  it('tags the answer with a hash of what was tagged, and answers its own tag with a bodiless 304', () => {
    const first = revalidatedJson(asking(), { asOf: '10:00', ...figures }, figures);
    const tag = String(first.headers?.etag);

    const again = revalidatedJson(asking(tag), { asOf: '10:05', ...figures }, figures);

    expect(first).toMatchObject({ statusCode: 200, headers: { 'cache-control': 'no-cache' }, body: '{"asOf":"10:00","open":3}' });
    expect(again).toEqual({ statusCode: 304, headers: { etag: tag, 'cache-control': 'no-cache' } });
  });

  it('matches a weak twin of the tag or any tag of a list, and answers a changed figure in full', () => {
    const tag = String(revalidatedJson(asking(), figures).headers?.etag);

    expect(revalidatedJson(asking(`W/${tag}`), figures).statusCode).toBe(304);
    expect(revalidatedJson(asking(`"old", ${tag}`), figures).statusCode).toBe(304);
    expect(revalidatedJson(asking(tag), { open: 4 }).statusCode).toBe(200);
  });
});

describe('a request body', () => {
  const posting = (body: string, headers: Record<string, string>) => ({ rawPath: '/v1/tickets/T-1/callback', body, headers, requestContext: {} }) as unknown as ApiEvent;
  const answer = async (event: ApiEvent) => {
    const handler = httpHandler(async (e) => ({ statusCode: 200, body: JSON.stringify(parseBody(e, Callback)) }));
    const result = await handler(event, lambdaContext({ functionName: 'test' }));
    return { status: result.statusCode, body: JSON.parse(String(result.body)) as Record<string, unknown> };
  };
  const callback = JSON.stringify({ resolved: true, satisfied: false });

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain;charset=UTF-8 (what fetch sends for a string)', 'text/plain;charset=UTF-8'],
    ['application/x-www-form-urlencoded (what curl -d sends)', 'application/x-www-form-urlencoded'],
    ['multipart/form-data', 'multipart/form-data; boundary=x'],
    ['application/jsonp', 'application/jsonp'],
  ])('sent as %s answers 415 naming the content type, the body unread', async (_what, type) => {
    expect(await answer(posting(callback, { 'content-type': type, 'accept-language': 'en' }))).toEqual({
      status: 415,
      body: { error: 'UnsupportedMediaTypeError', rule: 'body.json-only', message: `content-type: must be application/json, not "${type}"` },
    });
  });

  it('without a content type answers 415 too, in Chinese by default', async () => {
    expect(await answer(posting(callback, {}))).toMatchObject({ status: 415, body: { message: 'content-type：请求体应为 JSON（application/json），未注明类型' } });
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json'])('sent as %s is read', async (type) => {
    expect(await answer(posting(callback, { 'content-type': type }))).toEqual({ status: 200, body: { resolved: true, satisfied: false } });
  });
});
