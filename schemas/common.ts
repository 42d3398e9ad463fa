// Shared building blocks of every schema: identifiers, times and the enums of the glossary.
import { z } from 'zod';

// A missing field reads "required" rather than zod's "expected string, received undefined".
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined) });

/** An instant as an ISO-8601 string with an offset (stored and sent in UTC). */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A month as `YYYY-MM`, the key of a zeroing campaign and of monthly metrics. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
export type Month = z.infer<typeof Month>;

/** Ids are short, URL-safe and readable in logs. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');

/** A page cursor as the API hands them out (base64url); what is inside is checked where it is read. */
export const Cursor = z.string().regex(/^[A-Za-z0-9_-]{1,2048}$/, 'is not a cursor this API returned');

// What hides or reorders text, or is no text at all: C0 and C1 controls, the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069: an override shows "gpj.exe" as "exe.jpg"), and halves of surrogate pairs.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hiddenInLine = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A description or a reply keeps its tabs and line breaks.
// eslint-disable-next-line no-control-regex -- as above
const hiddenInLines = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text a person typed (a title, a reason, an address), trimmed; refused when it holds a control or direction-override
 * character. `lines`: a text of several lines, whose line breaks arrive as LF whatever the client sent (CR LF, CR).
 */
export function typedText(options: { lines?: boolean } = {}) {
  const text = options.lines ? z.string().overwrite((s) => s.replace(/\r\n?/g, '\n')) : z.string();
  return text.trim().superRefine(refuseHidden(options.lines ? hiddenInLines : hiddenInLine));
}

/** A check for a one-line value that is not free text (a URL): the same refusal of control and override characters. */
export const refuseHiddenCharacters = refuseHidden(hiddenInLine);

function refuseHidden(hidden: RegExp) {
  return (s: string, ctx: z.RefinementCtx) => {
    const found = hidden.exec(s);
    if (!found) return;
    const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const at = found.index + 1;
    ctx.addIssue({
      code: 'custom',
      message: `must not contain ${code} (character ${at}), a control or direction-override character`,
      params: { zh: `第 ${at} 个字符 ${code} 是控制字符或文字方向控制符，不能使用` },
    });
  };
}

export const LocalizedName = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedName = z.infer<typeof LocalizedName>;

/** How the citizen reached the hotline. */
export const Channel = z.enum(['phone', 'app', 'web', 'wechat', 'open311']);
export type Channel = z.infer<typeof Channel>;

/** 咨询, 求助, 建议, 投诉, 举报: the kind sets the completion time limit. */
export const TicketKind = z.enum(['consultation', 'help', 'suggestion', 'complaint', 'report']);
export type TicketKind = z.infer<typeof TicketKind>;

/** `danger`: life or property at risk; `utility`: water, power, gas or heating is out. */
export const Urgency = z.enum(['normal', 'utility', 'danger']);
export type Urgency = z.infer<typeof Urgency>;

/** 1 = the handler unit (street or department), 2 = district backstop, 3 = city supervision. */
export const EscalationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const UnitType = z.enum(['street', 'district', 'department', 'supervision']);
export type UnitType = z.infer<typeof UnitType>;

/** Emergency services a call is transferred to: police, fire, ambulance, traffic police. */
export const EmergencyLine = z.enum(['110', '119', '120', '122']);
export type EmergencyLine = z.infer<typeof EmergencyLine>;

export const Role = z.enum(['operator', 'clerk', 'coordinator', 'supervisor', 'panelist', 'admin']);
export type Role = z.infer<typeof Role>;
