// A labelled form control with the API's message for it right beside it, tied to the control by aria-describedby.
import type { ComponentChildren } from 'preact';

export interface Described {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The label, an optional hint, the control (`children` spreads `described` on it) and the field's error if any. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error: string | undefined; children(described: Described): ComponentChildren }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="muted small hint" id={`${id}-hint`}>{hint}</p>}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error && <span class="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}
