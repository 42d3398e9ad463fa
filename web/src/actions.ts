// The lifecycle actions people take on a ticket, each with the form its API body needs, in both languages.
import type { Text } from './i18n.js';

export type FieldKind = 'textarea' | 'text' | 'days' | 'unit' | 'departments' | 'yes-no' | 'choice';

export interface FieldSpec {
  /** The body's field, as the API names it in its errors. */
  name: string;
  kind: FieldKind;
  label: Text;
  optional?: boolean;
  options?: { value: string; label: Text }[];
  /** Shown only when another field has one of these values (decide-difficult's decision, say). */
  when?: { field: string; is: string[] };
}

export interface ActionSpec {
  label: Text;
  fields: FieldSpec[];
  /** `POST /v1/tickets/{id}/callback` rather than `/actions`. */
  path?: 'callback';
}

const reason = (label: Text = { zh: '理由', en: 'Reason' }): FieldSpec => ({ name: 'reason', kind: 'textarea', label });
const unit = (label: Text, optional = false, when?: FieldSpec['when']): FieldSpec => ({ name: 'unitId', kind: 'unit', label, optional, ...(when ? { when } : {}) });

export const actionSpecs: Record<string, ActionSpec> = {
  accept: { label: { zh: '签收', en: 'Accept' }, fields: [] },
  resolve: { label: { zh: '办结', en: 'Resolve' }, fields: [{ name: 'reply', kind: 'textarea', label: { zh: '答复内容', en: 'Reply to the citizen' } }] },
  return: {
    label: { zh: '退单', en: 'Return' },
    fields: [reason({ zh: '退单理由', en: 'Why it is not ours' }), { name: 'suggestedUnitId', kind: 'unit', label: { zh: '建议承办单位', en: 'Suggested unit' }, optional: true }],
  },
  'request-extension': {
    label: { zh: '申请延期', en: 'Request an extension' },
    fields: [{ name: 'days', kind: 'days', label: { zh: '延期工作日', en: 'Working days' } }, reason()],
  },
  'decide-extension': {
    label: { zh: '审批延期', en: 'Decide the extension' },
    fields: [
      { name: 'approve', kind: 'yes-no', label: { zh: '是否同意', en: 'Approve' }, options: [{ value: 'true', label: { zh: '同意', en: 'Approve' } }, { value: 'false', label: { zh: '不同意', en: 'Refuse' } }] },
      { name: 'comment', kind: 'textarea', label: { zh: '意见', en: 'Comment' }, optional: true },
    ],
  },
  whistle: {
    label: { zh: '吹哨', en: 'Blow the whistle' },
    fields: [{ name: 'departmentIds', kind: 'departments', label: { zh: '召集部门', en: 'Departments to call in' } }, reason()],
  },
  'report-in': { label: { zh: '报到', en: 'Report in' }, fields: [{ name: 'note', kind: 'textarea', label: { zh: '报到说明', en: 'What we will do' } }] },
  'add-reply': { label: { zh: '添加答复', en: 'Add our reply' }, fields: [{ name: 'reply', kind: 'textarea', label: { zh: '答复内容', en: 'Reply' } }] },
  'mark-difficult': { label: { zh: '标记疑难', en: 'Mark as difficult' }, fields: [reason()] },
  'certify-zeroing': { label: { zh: '认定已合理处置（销号）', en: 'Certify as handled' }, fields: [reason()] },
  'decide-difficult': {
    label: { zh: '决定疑难事项', en: 'Decide the difficult case' },
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        label: { zh: '决定', en: 'Decision' },
        options: [
          { value: 'redispatch', label: { zh: '改派', en: 'Redispatch' } },
          { value: 'order', label: { zh: '责令办理', en: 'Order handling' } },
          { value: 'close', label: { zh: '解释后关闭', en: 'Close with an explanation' } },
          { value: 'refer-to-panel', label: { zh: '提交联席会商', en: 'Refer to a panel' } },
        ],
      },
      unit({ zh: '承办单位', en: 'Unit' }, false, { field: 'decision', is: ['redispatch', 'order'] }),
      { name: 'days', kind: 'days', label: { zh: '办理期限（工作日）', en: 'Working days' }, when: { field: 'decision', is: ['order'] } },
      { name: 'explanation', kind: 'textarea', label: { zh: '解释', en: 'Explanation' }, when: { field: 'decision', is: ['close'] } },
      { ...reason({ zh: '提交理由', en: 'Why a panel' }), when: { field: 'decision', is: ['refer-to-panel'] } },
    ],
  },
  designate: { label: { zh: '指定承办单位', en: 'Designate a unit' }, fields: [unit({ zh: '承办单位', en: 'Unit' })] },
  'review-return': {
    label: { zh: '审核退单', en: 'Review the return' },
    fields: [
      { name: 'decision', kind: 'choice', label: { zh: '审核结果', en: 'Decision' }, options: [{ value: 'approve', label: { zh: '同意退单', en: 'Approve' } }, { value: 'reject', label: { zh: '驳回', en: 'Reject' } }] },
      unit({ zh: '改派至（默认建议单位）', en: 'Send to (the suggested unit if empty)' }, true, { field: 'decision', is: ['approve'] }),
      { ...reason({ zh: '驳回理由', en: 'Why rejected' }), when: { field: 'decision', is: ['reject'] } },
    ],
  },
  callback: {
    label: { zh: '记录回访', en: 'Record the callback' },
    path: 'callback',
    fields: [
      { name: 'resolved', kind: 'yes-no', label: { zh: '问题是否解决', en: 'Resolved?' }, options: [{ value: 'true', label: { zh: '已解决', en: 'Yes' } }, { value: 'false', label: { zh: '未解决', en: 'No' } }] },
      { name: 'satisfied', kind: 'yes-no', label: { zh: '是否满意', en: 'Satisfied?' }, options: [{ value: 'true', label: { zh: '满意', en: 'Yes' } }, { value: 'false', label: { zh: '不满意', en: 'No' } }] },
      { name: 'comment', kind: 'textarea', label: { zh: '回访记录', en: 'Comment' }, optional: true },
    ],
  },
};

/** The fields of an action that apply with the values chosen so far. */
export function visibleFields(spec: ActionSpec, values: Record<string, string | string[]>): FieldSpec[] {
  return spec.fields.filter((f) => !f.when || f.when.is.includes(String(values[f.when.field] ?? '')));
}

/** The API body of an action from the form's values: numbers and yes/no as JSON, empty optional fields left out. */
export function actionBody(type: string, spec: ActionSpec, values: Record<string, string | string[]>): Record<string, unknown> {
  const body: Record<string, unknown> = spec.path === 'callback' ? {} : { type };
  for (const field of visibleFields(spec, values)) {
    const value = values[field.name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && field.optional)) {
      // A required field left empty goes as empty text, so the API names it.
      if (!field.optional && field.kind !== 'days' && field.kind !== 'yes-no') body[field.name] = field.kind === 'departments' ? [] : '';
      continue;
    }
    if (field.kind === 'days') body[field.name] = Number(value);
    else if (field.kind === 'yes-no') body[field.name] = value === 'true';
    else body[field.name] = value;
  }
  return body;
}
