// The city's units and service categories, read once per tab: every screen shows names, in the chosen language, for ids.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Category } from '../../schemas/catalogue.js';
import type { Unit } from '../../schemas/unit.js';
import { api } from './api.js';
import { useLang } from './i18n.js';

// One request per tab however many components ask; a failure is not kept, so the next screen asks again.
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

const loadUnits = once(() => api<{ units: Unit[] }>('/v1/units').then((r) => r.units));
const loadCategories = once(() => api<{ categories: Category[] }>('/v1/catalogue').then((r) => r.categories));

function useList<T>(load: () => Promise<T[]>): T[] | undefined {
  const [items, setItems] = useState<T[]>();
  useEffect(() => {
    let live = true;
    // Without the names a screen still works: it shows the ids.
    load().then((loaded) => live && setItems(loaded), () => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return items;
}

export interface Names<T> {
  /** Every item, once loaded; empty before. */
  list: T[];
  /** The name in the chosen language, or the id itself until the names arrive (or if nothing has that id). */
  name(id: string | undefined): string;
}

/** The units of the city (streets, districts, departments, the supervision office). */
export function useUnits(): Names<Unit> {
  const { lang } = useLang();
  const units = useList(loadUnits);
  return useMemo(() => {
    const byId = new Map(units?.map((u) => [u.id, u]));
    return { list: units ?? [], name: (id) => (id === undefined ? '—' : (byId.get(id)?.name[lang] ?? id)) };
  }, [units, lang]);
}

/** The service catalogue's categories. */
export function useCategories(): Names<Category> {
  const { lang } = useLang();
  const categories = useList(loadCategories);
  return useMemo(() => {
    const byCode = new Map(categories?.map((c) => [c.code, c]));
    return { list: categories ?? [], name: (code) => (code === undefined ? '—' : (byCode.get(code)?.name[lang] ?? code)) };
  }, [categories, lang]);
}
