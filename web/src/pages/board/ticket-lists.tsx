// The tickets the office chases: overdue, escalated to the district, escalated to the city; one page at a time from
// GET /v1/tickets, filtered there by district and category, sorted here by any column.
import { useState } from 'preact/hooks';
import type { Ticket } from '../../../../schemas/ticket.js';
import { api } from '../../api.js';
import { serverNow } from '../../clock.js';
import { SortHeader, useSorted } from '../../components/sortable.js';
import { LoadStatus } from '../../components/status.js';
import { useCategories, useUnits } from '../../directory.js';
import { formatSpan } from '../../format.js';
import { type Text, fill, useLang } from '../../i18n.js';
import { useLoad } from '../../use-load.js';
import { levelNames } from './board-charts.js';
import type { BoardView } from './use-board.js';

const PAGE_SIZE = 50;

const text = {
  title: { zh: '超期与升级工单', en: 'Overdue and escalated tickets' },
  lists: { zh: '工单清单', en: 'Lists' },
  district: { zh: '区', en: 'District' },
  category: { zh: '诉求类别', en: 'Category' },
  all: { zh: '全部', en: 'All' },
  ticket: { zh: '工单', en: 'Ticket' },
  titleColumn: { zh: '标题', en: 'Title' },
  late: { zh: '超期时长', en: 'Past the deadline' },
  level: { zh: '层级', en: 'Level' },
  unit: { zh: '承办单位', en: 'Unit' },
  left: { zh: '剩余 {span}', en: '{span} left' },
  none: { zh: '没有符合条件的工单。', en: 'No ticket matches.' },
  next: { zh: '下一页', en: 'Next page' },
  first: { zh: '回到第一页', en: 'First page' },
  page: { zh: '第 {page} 页', en: 'Page {page}' },
};

type ListName = 'overdue' | 'escalated-to-district' | 'escalated-to-city';

const listNames: Record<ListName, { label: Text; query: Record<string, string>; count(board: BoardView): number | undefined }> = {
  overdue: { label: { zh: '超期工单', en: 'Overdue' }, query: { overdue: 'true' }, count: (b) => b.strip.overdue },
  'escalated-to-district': { label: { zh: '升级至区', en: 'Escalated to district' }, query: { queue: 'escalated-to-district' }, count: (b) => b.byLevel.find((l) => l.level === 2)?.open },
  'escalated-to-city': { label: { zh: '升级至市', en: 'Escalated to city' }, query: { queue: 'escalated-to-city' }, count: (b) => b.byLevel.find((l) => l.level === 3)?.open },
};

type Column = 'id' | 'title' | 'late' | 'level' | 'unit' | 'district' | 'category';

interface Page {
  items: Ticket[];
  cursor?: string;
}

/** Tabs of lists, the filters and one page of the chosen list; `changes` reads it again when the board moved. */
export function TicketLists({ board, changes }: { board: BoardView | undefined; changes: number }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const categories = useCategories();
  const [list, setList] = useState<ListName>('overdue');
  const [districtId, setDistrictId] = useState('');
  const [category, setCategory] = useState('');
  // The cursors of the pages before the one shown: the first page has none.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const page = useLoad(() => {
    const query = new URLSearchParams({ ...listNames[list].query, limit: String(PAGE_SIZE) });
    if (districtId) query.set('districtId', districtId);
    if (category) query.set('category', category);
    if (cursor) query.set('cursor', cursor);
    return api<Page>(`/v1/tickets?${query}`);
  }, [list, districtId, category, cursor, changes]);

  const now = serverNow().getTime();
  const lateBy = (ticket: Ticket) => (ticket.deadlines.complete ? now - Date.parse(ticket.deadlines.complete) : undefined);
  const { sorted, sort, toggle } = useSorted<Ticket, Column>(page.data?.items ?? [], (ticket, column) => {
    switch (column) {
      case 'id': return ticket.id;
      case 'title': return ticket.title;
      case 'late': return lateBy(ticket);
      case 'level': return ticket.level;
      case 'unit': return units.name(ticket.unitId);
      case 'district': return units.name(ticket.location.districtId);
      case 'category': return categories.name(ticket.category);
    }
  });
  const restart = () => setCursors([]);
  const districts = units.list.filter((u) => u.type === 'district');
  const headings: [Column, Text][] = [
    ['id', text.ticket],
    ['title', text.titleColumn],
    ['late', text.late],
    ['level', text.level],
    ['unit', text.unit],
    ['district', text.district],
    ['category', text.category],
  ];

  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">{t(text.title)}</h2>
      <div class="tabs" role="group" aria-label={t(text.lists)}>
        {(Object.keys(listNames) as ListName[]).map((name) => {
          const count = board ? listNames[name].count(board) : undefined;
          return (
            <button
              key={name}
              type="button"
              data-list={name}
              aria-pressed={list === name}
              onClick={() => {
                setList(name);
                restart();
              }}
            >
              {t(listNames[name].label)}
              {count !== undefined && <span class="badge">{count}</span>}
            </button>
          );
        })}
      </div>
      <form class="row toolbar" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="lists-district">{t(text.district)}</label>
          <select id="lists-district" value={districtId} onChange={(e) => { setDistrictId(e.currentTarget.value); restart(); }}>
            <option value="">{t(text.all)}</option>
            {districts.map((d) => <option key={d.id} value={d.id}>{d.name[lang]}</option>)}
          </select>
        </div>
        <div>
          <label for="lists-category">{t(text.category)}</label>
          <select id="lists-category" value={category} onChange={(e) => { setCategory(e.currentTarget.value); restart(); }}>
            <option value="">{t(text.all)}</option>
            {categories.list.map((c) => <option key={c.code} value={c.code}>{c.code} {c.name[lang]}</option>)}
          </select>
        </div>
      </form>
      <LoadStatus loading={page.loading && !page.data} error={page.error} />
      {page.data && page.data.items.length === 0 && <p class="muted">{t(text.none)}</p>}
      {sorted.length > 0 && (
        <div class="table-wrap">
          <table class="tickets" data-list={list}>
            <thead>
              <tr>
                {headings.map(([column, label]) => (
                  <SortHeader key={column} column={column} sort={sort} onSort={toggle}>{t(label)}</SortHeader>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((ticket) => {
                const late = lateBy(ticket);
                return (
                  <tr key={ticket.id} data-ticket={ticket.id}>
                    <th scope="row"><a href={`/tickets/${ticket.id}`}>{ticket.id}</a></th>
                    <td class="title">{ticket.title}</td>
                    <td data-testid="late">
                      {late === undefined ? '—' : late > 0 ? <span class="red">{formatSpan(late, lang)}</span> : <span class="muted">{fill(t(text.left), { span: formatSpan(-late, lang) })}</span>}
                    </td>
                    <td class={ticket.level === 3 ? 'red' : ticket.level === 2 ? 'amber' : ''}>{t(levelNames[ticket.level])}</td>
                    <td>{units.name(ticket.unitId)}</td>
                    <td>{units.name(ticket.location.districtId)}</td>
                    <td>{categories.name(ticket.category)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div class="row paging">
        {cursors.length > 0 && <span class="muted">{fill(t(text.page), { page: cursors.length + 1 })}</span>}
        {cursors.length > 0 && <button type="button" onClick={restart}>{t(text.first)}</button>}
        {page.data?.cursor && (
          <button type="button" onClick={() => setCursors((c) => [...c, page.data?.cursor ?? ''])}>{t(text.next)}</button>
        )}
      </div>
    </section>
  );
}
