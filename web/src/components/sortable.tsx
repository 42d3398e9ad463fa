// Tables people sort by clicking a column's heading: a button in each <th>, the order announced by aria-sort.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useLang } from '../i18n.js';

export type SortValue = string | number | null | undefined;

export interface SortState<K extends string> {
  key: K | undefined;
  direction: 'ascending' | 'descending';
}

const sortBy = { zh: '按此列排序', en: 'sort by this column' };

/** The rows in the chosen order (or as given before any choice); empty values last either way. */
export function useSorted<Row, K extends string>(rows: readonly Row[], value: (row: Row, key: K) => SortValue, initial: SortState<K> = { key: undefined, direction: 'ascending' }) {
  const { lang } = useLang();
  const [sort, setSort] = useState<SortState<K>>(initial);
  const sorted = useMemo(() => {
    const { key } = sort;
    if (key === undefined) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
    return [...rows].sort((a, b) => {
      const x = value(a, key);
      const y = value(b, key);
      const xEmpty = x === null || x === undefined;
      const yEmpty = y === null || y === undefined;
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : xEmpty ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * sign;
    });
    // `value` is left out: a new closure each render must not re-sort rows that did not change.
  }, [rows, sort, lang]);
  /** Sorts by `key`, ascending first; a second click on the same column reverses it. */
  const toggle = (key: K) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  return { sorted, sort, toggle };
}

/** A column heading that sorts the table: a native button, so Tab and Enter work. */
export function SortHeader<K extends string>({ column, sort, onSort, numeric = false, children }: { column: K; sort: SortState<K>; onSort(key: K): void; numeric?: boolean; children: ComponentChildren }) {
  const { t } = useLang();
  const active = sort.key === column;
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={active ? sort.direction : 'none'}>
      <button type="button" onClick={() => onSort(column)} title={t(sortBy)}>
        {children}
        <span aria-hidden="true" class="sort-mark">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}</span>
      </button>
    </th>
  );
}
