// Turns zod issues into the messages people read, in English and Chinese: `location.streetId: unknown street "xx"`.
import type { z } from 'zod';

/** One field that is wrong: where, and why in English (`message`) and Chinese (`zh`, the same when not given). */
export interface FieldIssue {
  path: string;
  message: string;
  zh?: string;
}

/** Renders an issue path the way a person writes it: `members[2].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}

/** One `{path, message, zh}` per zod issue, in the order zod reported them. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, zh: chinese(issue) }));
}

/** The issues as one line: `location.streetId: unknown street "xx"; title: too short`. */
export function describeIssues(issues: readonly FieldIssue[], language: 'zh' | 'en' = 'en'): string {
  return issues.map((i) => `${i.path}: ${language === 'zh' ? (i.zh ?? i.message) : i.message}`).join(language === 'zh' ? '；' : '; ');
}

// The schemas' own messages, as they read in Chinese.
const ownMessages: Record<string, string> = {
  required: '必填',
  'must not be empty': '不能为空',
  'must give a reason': '请说明理由',
  'must be a phone number': '应为电话号码',
  'must be 1-64 letters, digits, ".", "_" or "-"': '应为 1–64 位字母、数字或“.”“_”“-”',
  'must be an http(s) URL': '应为 http 或 https 网址',
  'must be at least 16 characters': '至少 16 个字符',
  'must be an email address': '应为电子邮件地址',
  'name at least one department': '至少指定一个部门',
  'must be a month as YYYY-MM': '应为 YYYY-MM 格式的月份',
  'must be 1-128 printable ASCII characters': '应为 1–128 个可打印 ASCII 字符',
  'would leave no email and no webhook; send "clearAll": true to remove every subscription': '将不再保留任何邮箱和 Webhook；如确要取消全部订阅，请发送 "clearAll": true',
  'must look like "ENV-001"': '格式应如“ENV-001”',
  'is not a cursor this API returned': '不是本接口返回的翻页游标',
  'must be the last four digits of the phone number': '应为手机号后四位',
  'must be decimal degrees, e.g. 30.05': '应为十进制度数，如 30.05',
};

const typeNames: Record<string, string> = { string: '文字', number: '数字', boolean: '是或否（true/false）', object: '对象', array: '列表', int: '整数' };

/** An issue in Chinese: the schema's own words translated, zod's built-in checks by their code and limits. */
export function chinese(issue: z.core.$ZodIssue): string {
  const given = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof given === 'string') return given;
  const own = ownMessages[issue.message];
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `至少 ${String(issue.minimum)} 个字符`;
      if (issue.origin === 'array') return `至少 ${String(issue.minimum)} 项`;
      return issue.inclusive === false ? `应大于 ${String(issue.minimum)}` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return issue.inclusive === false ? `应小于 ${String(issue.maximum)}` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_format':
      return `格式不正确（${issue.format}）`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    default:
      return issue.message;
  }
}
