// The city's units, read once per tab: every screen names a unit in the chosen language, never by its id.
import { useEffect, useState } from 'preact/hooks';
import type { Unit } from '../../schemas/unit.js';
import { api } from './api.js';
import type { Language } from './i18n.js';

let cached: Promise<Unit[]> | undefined;

/** Every unit of the city (streets, districts, departments, the supervision office). */
export function loadUnits(): Promise<Unit[]> {
  cached ??= api<{ units: Unit[] }>('/v1/units').then((r) => r.units).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The units, once loaded (empty until then). */
export function useUnits(): Unit[] {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    void loadUnits().then(setUnits, () => undefined);
  }, []);
  return units;
}

/** A unit's name in the language, or its id when the unit is unknown. */
export function unitName(units: readonly Unit[], id: string | undefined, lang: Language): string {
  if (!id) return '—';
  return units.find((u) => u.id === id)?.name[lang] ?? id;
}
