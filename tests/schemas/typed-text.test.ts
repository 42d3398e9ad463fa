// What people type reaches the tickets as they meant it: no control or direction-override characters, and every field
// the API stores has a limit (issue 15).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Callback, CreateTicket, TicketAction, TicketActionBody } from '../../schemas/commands.js';
import { typedText } from '../../schemas/common.js';
import { CastVote } from '../../schemas/panel.js';
import { ListTicketsQuery } from '../../schemas/ticket-query.js';
import { Subscriptions } from '../../schemas/unit.js';
import { describeIssues, fieldIssues } from '../../schemas/validation-error.js';
import { hostileCharacters, invalidValue, issuePaths, jsonSchemaOf, type JsonSchema, namesField, pathText } from '../support/arbitraries.js';

const problems = (schema: z.ZodType, value: unknown, language: 'zh' | 'en' = 'en') => {
  const parsed = schema.safeParse(value);
  return parsed.success ? '' : describeIssues(fieldIssues(parsed.error), language);
};

describe('typed text', () => {
  const line = typedText().max(100);
  const lines = typedText({ lines: true }).max(100);

  it.each(hostileCharacters.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('refuses %s, naming it', (code, c) => {
    expect(problems(line, `发票${c}已开`)).toBe(`(body): must not contain ${code} (character 3), a control or direction-override character`);
    expect(problems(lines, `发票${c}已开`, 'zh')).toBe(`(body): 第 3 个字符 ${code} 是控制字符或文字方向控制符，不能使用`);
  });

  it('keeps the tabs and line breaks of a text of several lines, CR LF read as LF, and refuses them in a line', () => {
    expect(lines.parse('第一行\r\n第二行\r第三行\n\t第四行')).toBe('第一行\n第二行\n第三行\n\t第四行');
    expect(problems(line, '标题\n第二行')).toMatch(/^\(body\): must not contain U\+000A/);
    expect(problems(line, '标题\t注')).toMatch(/^\(body\): must not contain U\+0009/);
  });

  it('keeps what people write: both scripts, emoji and their joiners, marks of right-to-left text', () => {
    for (const text of ['东门路12号 3单元', 'Flat 3, 12 Dongmen Rd.', '👩‍🔧 修好了 😀', 'مرحبا\u200f ok', 'é ß Ж']) expect(line.parse(text)).toBe(text);
  });
});

/**
 * The request bodies (and a query) whose fields are written to the tables: the schema that describes them, the fields
 * people type, and the schema the route parses with when it is another (an action, by its type first).
 */
const stored: [string, z.ZodType, string[], z.ZodType?][] = [
  ['POST /v1/tickets', CreateTicket, ['title', 'description', 'category', 'location.address', 'citizen.name']],
  ['POST /v1/tickets/{id}/actions', TicketAction, ['reply', 'reason', 'comment', 'note', 'explanation'], TicketActionBody],
  ['POST /v1/tickets/{id}/callback', Callback, ['comment']],
  ['POST /v1/panels/{id}/votes', CastVote, ['rationale']],
  ['PUT /v1/units/{id}/subscriptions', Subscriptions, ['webhooks.url']],
  ['GET /v1/tickets', ListTicketsQuery, ['q', 'category']],
];

describe.each(stored)('%s', (route, described, texts, parser = described) => {
  const json = jsonSchemaOf(described);
  const schema = parser;
  const query = route.startsWith('GET');

  it('refuses every value broken in one field, naming that field', () => {
    fc.assert(
      fc.property(invalidValue(json, { query, notText: ['webhooks[].secret'] }), (m) => {
        const parsed = schema.safeParse(m.value);
        return !parsed.success && namesField(issuePaths(parsed.error), m.path);
      }),
      { seed: 15, numRuns: 1500 },
    );
  });

  it.each(texts)('refuses %s holding U+202E', (field) => {
    const body = invalidValue(json, { query });
    const sampled = fc.sample(body.filter((m) => pathText(m.path).replace(/\[\d+\]/g, '') === field && m.how === 'with U+202E'), { seed: 15, numRuns: 1 })[0];
    expect(sampled && problems(schema, sampled.value)).toMatch(new RegExp(`${field.split('.').at(-1) ?? ''}: must not contain U\\+202E`));
  });

  it('sets a limit on every string and list', () => {
    expect(unbounded(json)).toEqual([]);
  });
});

/** Paths of strings with neither a maximum length nor a form that bounds them, and of lists with no maximum. */
function unbounded(s: JsonSchema, at = ''): string[] {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return [...new Set(branches.flatMap((b) => unbounded(b, at)))];
  if (s.type === 'object') return Object.entries(s.properties ?? {}).flatMap(([key, p]) => unbounded(p, at ? `${at}.${key}` : key));
  if (s.type === 'array') return [...(s.maxItems === undefined ? [at] : []), ...unbounded(s.items ?? {}, `${at}[]`)];
  // A form like an id's `{0,63}` bounds the length; one with `+` or `*` does not.
  const boundedForm = s.pattern !== undefined && !/(?<!\\)[*+]|\{\d+,\}/.test(s.pattern);
  if (s.type === 'string' && s.maxLength === undefined && s.enum === undefined && s.const === undefined && !boundedForm) return [at];
  return [];
}
