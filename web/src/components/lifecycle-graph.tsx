// The lifecycle drawn from the state machine's own definition, with the path the ticket's execution took.
import { graphlib, layout } from '@dagrejs/dagre';
import { useMemo } from 'preact/hooks';
import { formatTime } from '../format.js';
import { type Text, useLang } from '../i18n.js';

export interface WorkflowGraph {
  stateMachine: string;
  status: string;
  startAt: string;
  states: { name: string; type: string; end?: boolean }[];
  edges: { from: string; to: string; kind: string; label?: string }[];
  path: { state: string; enteredAt: string; exitedAt?: string }[];
  current?: string;
  children?: { stateMachine: string; status: string; path: { state: string; enteredAt: string }[] }[];
}

// The lifecycle's states as people here call them; a state missing here shows by its name in the definition.
const stateNames: Record<string, Text> = {
  'Dispatch to the unit': { zh: '派单至承办单位', en: 'Dispatch to the unit' },
  'Where is the ticket?': { zh: '判断工单所处环节', en: 'Where is the ticket?' },
  'At the unit': { zh: '承办单位办理', en: 'At the unit' },
  Whistled: { zh: '吹哨报到', en: 'Whistled' },
  Warned: { zh: '临期预警', en: 'Warned' },
  Reopened: { zh: '重办', en: 'Reopened' },
  'Escalated to the district': { zh: '升级至区级', en: 'Escalated to the district' },
  'Escalated to the city': { zh: '升级至市级督办', en: 'Escalated to the city' },
  'Awaiting designation': { zh: '待指定承办单位', en: 'Awaiting designation' },
  'Return under review': { zh: '退单审核', en: 'Return under review' },
  Difficult: { zh: '疑难待定', en: 'Difficult' },
  'In joint review': { zh: '联席会商', en: 'In joint review' },
  'Awaiting callback': { zh: '待回访', en: 'Awaiting callback' },
  'Deadline reached': { zh: '时限已到', en: 'Deadline reached' },
  Closed: { zh: '已关闭', en: 'Closed' },
};

const text = {
  graph: { zh: '工单流程图（蓝色为已走过的环节，黄色为当前环节）', en: 'Lifecycle graph (blue: visited, yellow: current)' },
  path: { zh: '流转路径', en: 'Path taken' },
};

const CHAR_WIDTH = 13;

/** The graph as SVG, and the path as a list for reading. */
export function LifecycleGraph({ graph }: { graph: WorkflowGraph }) {
  const { t, lang } = useLang();
  const name = (state: string) => (stateNames[state] ? t(stateNames[state]) : state);
  const drawn = useMemo(() => {
    const g = new graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, marginx: 8, marginy: 8 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const s of graph.states) g.setNode(s.name, { width: Math.max(90, name(s.name).length * CHAR_WIDTH + 24), height: 34 });
    graph.edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
    layout(g);
    return g;
    // The names follow the language, and the boxes their width.
  }, [graph, lang]);
  const visited = new Set(graph.path.map((p) => p.state));
  const taken = new Set(graph.path.slice(1).map((p, i) => `${graph.path[i]!.state}->${p.state}`));
  const size = drawn.graph();
  return (
    <figure>
      {/* Drawn at its own size (text stays readable), scrolled sideways on a narrow screen. */}
      <div class="graph-wrap">
      <svg class="graph" width={(size.width ?? 0) + 16} height={(size.height ?? 0) + 16} viewBox={`0 0 ${(size.width ?? 0) + 16} ${(size.height ?? 0) + 16}`} role="img" aria-label={t(text.graph)}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#8c959f" />
          </marker>
        </defs>
        {graph.edges.map((e, i) => {
          const points = drawn.edge({ v: e.from, w: e.to, name: String(i) })?.points ?? [];
          const d = points.map((p: { x: number; y: number }, j: number) => `${j === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
          return <path key={i} class={`edge ${taken.has(`${e.from}->${e.to}`) ? 'taken' : ''}`} d={d} marker-end="url(#arrow)"><title>{e.label ?? e.kind}</title></path>;
        })}
        {graph.states.map((s) => {
          const node = drawn.node(s.name);
          const state = s.name === graph.current ? 'current' : visited.has(s.name) ? 'visited' : '';
          return (
            <g key={s.name} class={`node ${state}`} data-state={s.name} data-visited={visited.has(s.name)} transform={`translate(${node.x - node.width / 2}, ${node.y - node.height / 2})`}>
              <rect width={node.width} height={node.height} rx={s.type === 'Choice' ? 17 : 6} />
              <text x={node.width / 2} y={node.height / 2 + 4} text-anchor="middle">{name(s.name)}</text>
            </g>
          );
        })}
      </svg>
      </div>
      <figcaption>
        <h3>{t(text.path)}</h3>
        <ol class="path" data-testid="path">
          {graph.path.map((p, i) => (
            <li key={i}>{name(p.state)} <span class="muted">{formatTime(p.enteredAt, lang)}</span></li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
