// One panel: the case as the panel reads it, my vote with its rationale, and after closing every vote and the decision.
import { useState } from 'preact/hooks';
import type { Panel, PanelResult, Vote, VoteChoice } from '../../../schemas/panel.js';
import { statusNames } from '../../../domain/tickets/names.js';
import type { TicketStatus } from '../../../schemas/ticket.js';
import { ApiError, api } from '../api.js';
import { Countdown } from '../components/countdown.js';
import { LoadStatus } from '../components/status.js';
import { formatTime } from '../format.js';
import { type Text, useLang } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { useSession } from '../use-session.js';
import { useUnits } from '../directory.js';

interface PanelView extends Omit<Panel, 'votes' | 'skipped' | 'result'> {
  case?: { ticketId: string; category: string; title: string; description: string; address: string; districtId: string; createdAt: string; status: TicketStatus };
  votesCast: number;
  myVote?: Vote;
  votes?: Vote[];
  result?: PanelResult;
}

const choiceNames: Record<VoteChoice, Text> = {
  'assign-unit': { zh: '指定承办单位', en: 'Assign a unit' },
  'order-handling': { zh: '诉求合理，责令办理', en: 'Reasonable: order handling' },
  'beyond-policy': { zh: '超出政策范围', en: 'Beyond policy' },
  unreasonable: { zh: '诉求不合理', en: 'Unreasonable' },
};

const outcomeNames: Record<PanelResult['outcome'], Text> = {
  decided: { zh: '已形成决定', en: 'Decided' },
  'no-majority': { zh: '未形成多数意见', en: 'No majority' },
  'no-quorum': { zh: '投票人数不足', en: 'No quorum' },
};

const text = {
  title: { zh: '联席会商', en: 'Joint-review panel' },
  case: { zh: '案情', en: 'The case' },
  question: { zh: '议题', en: 'Question' },
  deadline: { zh: '表决截止', en: 'Votes due' },
  seats: { zh: '成员', en: 'Members' },
  cast: { zh: '已投票数', en: 'Votes cast' },
  vote: { zh: '投票', en: 'Vote' },
  choice: { zh: '表决意见', en: 'Your choice' },
  unit: { zh: '承办单位', en: 'Unit' },
  rationale: { zh: '理由', en: 'Rationale' },
  submit: { zh: '提交表决', en: 'Cast my vote' },
  myVote: { zh: '我的表决', en: 'My vote' },
  votes: { zh: '全部表决', en: 'Votes' },
  result: { zh: '会商结果', en: 'Result' },
  choose: { zh: '请选择', en: 'Choose' },
  ticketStatus: { zh: '工单状态', en: 'Ticket status' },
};

/** The panel page. */
export function PanelPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const session = useSession();
  const panel = useLoad(() => api<PanelView>(`/v1/panels/${encodeURIComponent(id)}`), [id]);
  const p = panel.data;
  const seated = p?.seats.some((s) => s.memberId === session?.user.memberId) ?? false;
  return (
    <section>
      <h1>{t(text.title)} {id}</h1>
      <LoadStatus loading={panel.loading && !p} error={panel.error} />
      {p && (
        <div class="grid">
          <div class="card">
            <h2>{t(text.case)}</h2>
            <dl class="facts">
              <dt>{t(text.question)}</dt><dd>{p.question}</dd>
              {p.case && (
                <>
                  <dt>{p.case.ticketId}</dt><dd>{p.case.title}</dd>
                  <dt>{t(text.ticketStatus)}</dt><dd>{t(statusNames[p.case.status])}</dd>
                  <dt /><dd>{p.case.description}</dd>
                  <dt /><dd>{units.name(p.case.districtId)} {p.case.address}</dd>
                </>
              )}
              <dt>{t(text.deadline)}</dt><dd>{formatTime(p.deadline, lang)}{p.status === 'voting' && <> · <Countdown deadline={p.deadline} /></>}</dd>
              <dt>{t(text.seats)}</dt><dd>{p.seats.map((s) => s.name).join('、')}</dd>
              <dt>{t(text.cast)}</dt><dd data-testid="votes-cast">{p.votesCast} / {p.seats.length}</dd>
            </dl>
          </div>
          <div class="card">
            {p.myVote && <VoteLine title={t(text.myVote)} vote={p.myVote} />}
            {p.status === 'voting' && seated && !p.myVote && <VoteForm panelId={p.id} onDone={() => void panel.reload()} />}
            {p.result && (
              <>
                <h2>{t(text.result)}</h2>
                <p data-testid="outcome"><strong>{t(outcomeNames[p.result.outcome])}</strong>{p.result.decision && ` · ${t(choiceNames[p.result.decision.choice])}${p.result.decision.unitId ? ` · ${units.name(p.result.decision.unitId)}` : ''}`}</p>
                {p.result.decision && <p>{p.result.decision.explanation}</p>}
              </>
            )}
            {p.votes && (
              <>
                <h2>{t(text.votes)}</h2>
                {p.votes.map((v) => <VoteLine key={v.memberId} title={p.seats.find((s) => s.memberId === v.memberId)?.name ?? v.memberId} vote={v} />)}
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function VoteLine({ title, vote }: { title: string; vote: Vote }) {
  const { t, lang } = useLang();
  const units = useUnits();
  return (
    <p class="vote">
      <strong>{title}</strong>：{t(choiceNames[vote.choice])}{vote.unitId && ` · ${units.name(vote.unitId)}`} <span class="muted">{formatTime(vote.castAt, lang)}</span>
      <br />{vote.rationale}
    </p>
  );
}

function VoteForm({ panelId, onDone }: { panelId: string; onDone(): void }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const [choice, setChoice] = useState<VoteChoice | ''>('');
  const [unitId, setUnitId] = useState('');
  const [rationale, setRationale] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const body = { choice: choice || undefined, rationale, ...(unitId && (choice === 'assign-unit' || choice === 'order-handling') ? { unitId } : {}) };
      await api(`/v1/panels/${panelId}/votes`, { method: 'POST', body });
      onDone();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };
  const fieldError = (name: string) => failure?.forField(name);
  const unplaced = failure && !['choice', 'unitId', 'rationale'].some(fieldError) ? failure.message : undefined;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-form="vote">
      <h2>{t(text.vote)}</h2>
      {unplaced && <p class="error" role="alert">{unplaced}</p>}
      <label for="vote-choice">{t(text.choice)}</label>
      <select id="vote-choice" name="choice" value={choice} onChange={(e) => setChoice(e.currentTarget.value as VoteChoice)}>
        <option value="">{t(text.choose)}</option>
        {(Object.keys(choiceNames) as VoteChoice[]).map((c) => <option key={c} value={c}>{t(choiceNames[c])}</option>)}
      </select>
      {fieldError('choice') && <span class="field-error" id="vote-choice-error" role="alert">{fieldError('choice')}</span>}
      {(choice === 'assign-unit' || choice === 'order-handling') && (
        <>
          <label for="vote-unit">{t(text.unit)}</label>
          <select id="vote-unit" name="unitId" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <option value="">{t(text.choose)}</option>
            {units.list.map((u) => <option key={u.id} value={u.id}>{u.name[lang]}</option>)}
          </select>
          {fieldError('unitId') && <span class="field-error" id="vote-unit-error" role="alert">{fieldError('unitId')}</span>}
        </>
      )}
      <label for="vote-rationale">{t(text.rationale)}</label>
      <textarea id="vote-rationale" name="rationale" value={rationale} onInput={(e) => setRationale(e.currentTarget.value)} />
      {fieldError('rationale') && <span class="field-error" id="vote-rationale-error" role="alert">{fieldError('rationale')}</span>}
      <div class="row"><button type="submit" class="primary">{t(text.submit)}</button></div>
    </form>
  );
}
