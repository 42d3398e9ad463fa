// The actions a person may take on a ticket now, each opening its form; the API's messages show beside their fields.
import { useState } from 'preact/hooks';
import { type ActionSpec, type FieldSpec, actionBody, actionSpecs, visibleFields } from '../actions.js';
import { type Text, useLang } from '../i18n.js';
import { useUnits } from '../directory.js';
import { useAction } from '../use-action.js';
import { Field } from './field.js';

const text = {
  submit: { zh: '提交', en: 'Submit' },
  cancel: { zh: '取消', en: 'Cancel' },
  done: { zh: '已提交：', en: 'Done: ' },
  none: { zh: '当前没有可执行的操作', en: 'Nothing to do on this ticket now' },
  choose: { zh: '请选择', en: 'Choose' },
  optional: { zh: '（选填）', en: ' (optional)' },
  actions: { zh: '办理操作', en: 'Actions' },
};

interface Props {
  ticketId: string;
  /** The action types the API says this person may take now. */
  actions: readonly string[];
  /** Called after an action went through, to reload what shows the ticket. */
  onDone(): void;
}

/** The buttons of the allowed actions and the open form. */
export function ActionPanel({ ticketId, actions, onDone }: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<Text>();
  const known = actions.filter((a) => a in actionSpecs);
  return (
    <div class="actions" aria-label={t(text.actions)}>
      {done && <p class="notice" role="status">{t(text.done)}{t(done)}</p>}
      {known.length === 0 && <p class="muted">{t(text.none)}</p>}
      <div class="row">
        {known.map((type) => (
          <button type="button" key={type} data-action={type} aria-expanded={open === type} onClick={() => { setOpen(open === type ? undefined : type); setDone(undefined); }}>
            {t(actionSpecs[type]!.label)}
          </button>
        ))}
      </div>
      {open && (
        <ActionForm
          key={open}
          ticketId={ticketId}
          type={open}
          spec={actionSpecs[open]!}
          onCancel={() => setOpen(undefined)}
          onDone={() => { setDone(actionSpecs[open]!.label); setOpen(undefined); onDone(); }}
        />
      )}
    </div>
  );
}

function ActionForm({ ticketId, type, spec, onCancel, onDone }: { ticketId: string; type: string; spec: ActionSpec; onCancel(): void; onDone(): void }) {
  const { t } = useLang();
  const [values, setValues] = useState<Record<string, string | string[]>>({});
  const action = useAction(ticketId, spec.path === 'callback' ? 'callback' : 'actions');
  const fields = visibleFields(spec, values);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await action.send(actionBody(type, spec, values))) onDone();
  };
  const failure = action.failure;
  // A message the API gave for no field of this form is shown above it.
  const unplaced = failure && !fields.some((f) => failure.forField(f.name)) ? failure.message : undefined;
  return (
    <form class="card action-form" data-form={type} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t(spec.label)}</h3>
      {unplaced && <p class="error" role="alert">{unplaced}</p>}
      {fields.map((field) => (
        <Control key={field.name} field={field} value={values[field.name]} error={failure?.forField(field.name)} onChange={(v) => setValues({ ...values, [field.name]: v })} />
      ))}
      <div class="row">
        <button type="submit" class="primary" disabled={action.busy}>{t(text.submit)}</button>
        <button type="button" onClick={onCancel}>{t(text.cancel)}</button>
      </div>
    </form>
  );
}

function Control({ field, value, error, onChange }: { field: FieldSpec; value: string | string[] | undefined; error: string | undefined; onChange(v: string | string[]): void }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const label = `${t(field.label)}${field.optional ? t(text.optional) : ''}`;
  const current = String(value ?? '');
  return (
    <Field id={`field-${field.name}`} label={label} error={error}>
      {(described) => {
        switch (field.kind) {
          case 'textarea':
            return <textarea {...described} name={field.name} value={current} onInput={(e) => onChange(e.currentTarget.value)} />;
          case 'text':
            return <input {...described} name={field.name} value={current} onInput={(e) => onChange(e.currentTarget.value)} />;
          case 'days':
            return <input {...described} name={field.name} type="number" min={1} inputMode="numeric" value={current} onInput={(e) => onChange(e.currentTarget.value)} />;
          case 'unit':
            return (
              <select {...described} name={field.name} value={current} onChange={(e) => onChange(e.currentTarget.value)}>
                <option value="">{t(text.choose)}</option>
                {units.list.map((u) => <option key={u.id} value={u.id}>{u.name[lang]}</option>)}
              </select>
            );
          case 'departments': {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <select {...described} name={field.name} multiple size={5} onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}>
                {units.list.filter((u) => u.type === 'department').map((u) => <option key={u.id} value={u.id} selected={chosen.includes(u.id)}>{u.name[lang]}</option>)}
              </select>
            );
          }
          case 'yes-no':
          case 'choice':
            return (
              <select {...described} name={field.name} value={current} onChange={(e) => onChange(e.currentTarget.value)}>
                <option value="">{t(text.choose)}</option>
                {field.options?.map((o) => <option key={o.value} value={o.value}>{t(o.label)}</option>)}
              </select>
            );
        }
      }}
    </Field>
  );
}
