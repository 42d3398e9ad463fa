// A caller's number as the phone index keeps it, so "138 0013 8000", "+86 13800138000" and "13800138000" meet.

/** Digits only, without China's country code in front of a mobile number. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const mobile = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return mobile?.[1] ?? digits;
}
