// The one declaration of a Casework deployment: the CDK stack and the local runtime are both built from it.
import type { Manifest, TableSpec } from './manifest-types.js';

const S = 'S' as const;
const N = 'N' as const;

export const tables: TableSpec[] = [
  {
    name: 'Tickets',
    purpose: "one item per ticket; its stream starts the lifecycle execution and keeps the supervision board's counters",
    partitionKey: { name: 'id', type: S },
    stream: 'NEW_AND_OLD_IMAGES',
    // The indexes hold keys only (and the district, for the board's counts by district): a ticket write then touches
    // an index only when that index's own key changes, where projecting the whole ticket rewrote every index on every
    // write, most of a ticket's DynamoDB bill. Listings read the tickets themselves by BatchGetItem.
    indexes: [
      // Sparse: only tickets waiting in a unit's queue carry inboxUnitId, so closed tickets cost nothing.
      { name: 'inbox', partitionKey: { name: 'inboxUnitId', type: S }, sortKey: { name: 'inboxDueKey', type: S }, project: [] },
      { name: 'open-by-deadline', partitionKey: { name: 'openBucket', type: S }, sortKey: { name: 'completeDueKey', type: S }, project: ['districtKey'] },
      { name: 'escalated', partitionKey: { name: 'escalationLevel', type: S }, sortKey: { name: 'completeDueKey', type: S }, project: [] },
      { name: 'pending-extensions', partitionKey: { name: 'extensionBucket', type: S }, sortKey: { name: 'extensionKey', type: S }, project: ['districtKey'] },
      // Every ticket, newest first, by each thing a listing may name (adapters/dynamodb/ticket-item.ts writes the keys).
      { name: 'by-phone', partitionKey: { name: 'phoneKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
      { name: 'by-unit', partitionKey: { name: 'unitKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
      { name: 'by-category', partitionKey: { name: 'categoryKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
      { name: 'by-district', partitionKey: { name: 'districtKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
      { name: 'by-status', partitionKey: { name: 'statusKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: ['districtKey'] },
      { name: 'by-level', partitionKey: { name: 'levelKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
      // Sparse: only tickets an Open311 client submitted, listed back to that client (GET /open311/v2/requests.json).
      { name: 'by-client', partitionKey: { name: 'clientKey', type: S }, sortKey: { name: 'createdKey', type: S }, project: [] },
    ],
  },
  {
    name: 'SearchTokens',
    purpose: "inverted index of tickets' title and description: one item per word of a ticket, written with the ticket",
    partitionKey: { name: 'token', type: S },
    sortKey: { name: 'createdKey', type: S },
  },
  {
    name: 'TicketEvents',
    purpose: "a ticket's history, one item per event, written in the same transaction as the ticket; its stream drives notifications",
    partitionKey: { name: 'ticketId', type: S },
    sortKey: { name: 'seq', type: N },
    stream: 'NEW_IMAGE',
  },
  {
    name: 'Deliveries',
    purpose: 'every notification attempt under its ticket; deliveries given up on, for the supervision office',
    partitionKey: { name: 'ticketId', type: S },
    sortKey: { name: 'key', type: S },
    indexes: [{ name: 'undelivered', partitionKey: { name: 'undelivered', type: S }, sortKey: { name: 'at', type: S } }],
  },
  {
    name: 'TaskTokens',
    purpose: 'the task token of each open wait, keyed by what waits (ticket/<id>, panel/<id>/<member>); clients act by id, never see it',
    partitionKey: { name: 'waitFor', type: S },
  },
  {
    name: 'IdempotencyKeys',
    purpose: 'Idempotency-Key of an intake request -> the ticket it created, for 24 hours',
    partitionKey: { name: 'key', type: S },
    ttlAttribute: 'expiresAt',
  },
  {
    name: 'Directory',
    purpose: 'reference data by kind: units, categories, notification subscriptions',
    partitionKey: { name: 'kind', type: S },
    sortKey: { name: 'id', type: S },
  },
  {
    name: 'PanelSeats',
    purpose: "joint-review panels: the panel's record (memberId #panel), one seat per member holding its vote, each member's open-panel count (panelId #load); a member's panels, and all panels, by deadline via the index",
    partitionKey: { name: 'panelId', type: S },
    sortKey: { name: 'memberId', type: S },
    indexes: [{ name: 'by-member', partitionKey: { name: 'memberId', type: S }, sortKey: { name: 'deadline', type: S } }],
  },
  {
    name: 'Throttles',
    purpose: "tries counted in fixed windows (the citizen's progress lookup: per ticket and per address), removed by TTL when the window is over",
    partitionKey: { name: 'key', type: S },
    ttlAttribute: 'expiresAt',
  },
  {
    name: 'UnitMetrics',
    purpose: "the league table's aggregates: per (month, unit) one string set per counted figure, added to from the event stream (a replay adds nothing)",
    partitionKey: { name: 'month', type: S },
    sortKey: { name: 'unitId', type: S },
  },
  {
    name: 'BoardCounts',
    purpose:
      "the supervision board's aggregates, kept from the Tickets stream: open tickets per (district, level) under `open`, each district's tickets created, escalated overdue and closed per Beijing day under `day`; each a set of members and its size, in a few shards (a replay adds nothing)",
    partitionKey: { name: 'board', type: S },
    sortKey: { name: 'key', type: S },
    // The same keys holding only each counter's size: the board reads these small entries, never the member sets.
    indexes: [{ name: 'counts', partitionKey: { name: 'board', type: S }, sortKey: { name: 'key', type: S }, project: ['n'] }],
    ttlAttribute: 'expiresAt',
  },
  {
    name: 'Ledger',
    purpose: "a zeroing campaign's ledger: entries by month, and a ticket's entries across months",
    partitionKey: { name: 'month', type: S },
    sortKey: { name: 'ticketId', type: S },
    indexes: [{ name: 'by-ticket', partitionKey: { name: 'ticketId', type: S }, sortKey: { name: 'month', type: S } }],
  },
];

const ticketWrites = { Tickets: 'read-write', TicketEvents: 'write', IdempotencyKeys: 'read-write' } as const;
// A panel task changes a ticket it reads the history of; a once-whistled ticket's save also moves its queue postings.
const panelTicketWrites = { Tickets: 'read-write', TicketEvents: 'read-write', SearchTokens: 'write' } as const;

/** Every function's memory in AWS (MB): what its duration is billed by. */
export const LAMBDA_MEMORY_MB = 512;

export const manifest: Manifest = {
  tables,
  functions: [
    { name: 'list-units', entry: 'functions/api/list-units.ts', tables: { Directory: 'read' } },
    { name: 'list-catalogue', entry: 'functions/api/list-catalogue.ts', tables: { Directory: 'read' } },
    {
      name: 'create-ticket',
      entry: 'functions/api/create-ticket.ts',
      tables: { ...ticketWrites, Directory: 'read', SearchTokens: 'write' },
      nativeModules: ['@node-rs/jieba'],
    },
    // Directory: the city, to work out which actions the reader may take now.
    { name: 'get-ticket', entry: 'functions/api/get-ticket.ts', tables: { Tickets: 'read', TicketEvents: 'read', Deliveries: 'read', Directory: 'read' } },
    // The lifecycle's path and the joint reviews it ran, read from their executions' histories.
    {
      name: 'read-workflow',
      entry: 'functions/api/read-workflow.ts',
      tables: { Tickets: 'read', TicketEvents: 'read' },
      readsExecutions: ['ticket-lifecycle', 'joint-review'],
    },
    // Reads the ticket's history too: whoever may not read a ticket is refused before acting on it.
    { name: 'ticket-action', entry: 'functions/api/ticket-action.ts', tables: { ...ticketWrites, TicketEvents: 'read-write', Directory: 'read', TaskTokens: 'read', SearchTokens: 'write' }, stateMachines: ['ticket-lifecycle'] },
    // TaskTokens and Tickets: a change whose own wake-up was lost wakes the lifecycle from the stream.
    { name: 'start-lifecycle', entry: 'functions/streams/start-lifecycle.ts', tables: { Tickets: 'read', TaskTokens: 'read' }, stateMachines: ['ticket-lifecycle'] },
    { name: 'dispatch-ticket', entry: 'functions/tasks/dispatch-ticket.ts', tables: { ...ticketWrites, Directory: 'read' } },
    {
      name: 'keep-task-token',
      entry: 'functions/tasks/keep-task-token.ts',
      tables: { TaskTokens: 'write', Tickets: 'read', PanelSeats: 'read' },
      stateMachines: ['ticket-lifecycle', 'joint-review'],
    },
    {
      name: 'ticket-deadline',
      entry: 'functions/tasks/ticket-deadline.ts',
      // SearchTokens: a deadline on a whistled ticket moves its report-in queue postings.
      tables: { ...ticketWrites, Directory: 'read', SearchTokens: 'write' },
      alarms: [
        {
          name: 'city-overdue',
          description: 'a ticket with the city supervision office went past its deadline (or is still past it at a weekly look)',
          // It logs `metric: "CityOverdue"` for a city-level ticket at its deadline, and at each weekly look while it stays overdue.
          on: 'log',
          metric: 'CityOverdue',
          periodMinutes: 60,
        },
      ],
    },
    { name: 'notify-units', entry: 'functions/streams/notify-units.ts', tables: { Tickets: 'read', Directory: 'read' }, stateMachines: ['notification-delivery'] },
    {
      name: 'deliver-notification',
      entry: 'functions/tasks/deliver-notification.ts',
      tables: { Tickets: 'read', Directory: 'read', Deliveries: 'write' },
      sendsMail: true,
    },
    {
      name: 'flag-undelivered',
      entry: 'functions/tasks/flag-undelivered.ts',
      tables: { Directory: 'read', Deliveries: 'write' },
      sendsMail: true,
      alarms: [
        {
          name: 'undelivered-notifications',
          description: 'a notification was given up on (see the Deliveries table, index undelivered)',
          // It runs only when the delivery workflow gives up on a notification.
          on: 'invocations',
          periodMinutes: 15,
        },
      ],
    },
    { name: 'unit-subscriptions', entry: 'functions/api/unit-subscriptions.ts', tables: { Directory: 'read-write' } },
    { name: 'list-tickets', entry: 'functions/api/list-tickets.ts', tables: { Tickets: 'read', SearchTokens: 'read' }, nativeModules: ['@node-rs/jieba'] },
    { name: 'openapi', entry: 'functions/api/openapi.ts' },
    { name: 'list-undelivered', entry: 'functions/api/list-undelivered.ts', tables: { Deliveries: 'read' } },
    {
      name: 'convene-panel',
      entry: 'functions/tasks/convene-panel.ts',
      tables: { ...panelTicketWrites, Directory: 'read', PanelSeats: 'read-write' },
    },
    { name: 'remind-panel-member', entry: 'functions/tasks/remind-panel-member.ts', tables: { ...panelTicketWrites, Directory: 'read', PanelSeats: 'read' } },
    { name: 'close-panel', entry: 'functions/tasks/close-panel.ts', tables: { ...panelTicketWrites, Directory: 'read', PanelSeats: 'read-write' } },
    {
      name: 'cast-vote',
      entry: 'functions/api/cast-vote.ts',
      tables: { PanelSeats: 'read-write', Directory: 'read', TaskTokens: 'read' },
      stateMachines: ['joint-review'],
    },
    { name: 'read-panels', entry: 'functions/api/read-panels.ts', tables: { PanelSeats: 'read', Tickets: 'read' } },
    // SearchTokens: assigning a once-whistled ticket moves its queue postings in the same save.
    {
      name: 'follow-month',
      entry: 'functions/streams/follow-month.ts',
      tables: { ...panelTicketWrites, Directory: 'read', Ledger: 'read-write', UnitMetrics: 'write' },
    },
    { name: 'open-zeroing-month', entry: 'functions/tasks/open-zeroing-month.ts', tables: { Ledger: 'read-write' } },
    // Reads the whole month's ledger for its report: 100,000 entries take ~10 s locally, more on a fraction of a vCPU.
    { name: 'close-zeroing-month', entry: 'functions/tasks/close-zeroing-month.ts', tables: { Ledger: 'read-write', Directory: 'read' }, sendsMail: true, timeoutSeconds: 120 },
    { name: 'carry-over-zeroing', entry: 'functions/tasks/carry-over-zeroing.ts', tables: { Ledger: 'read-write' } },
    { name: 'read-zeroing', entry: 'functions/api/read-zeroing.ts', tables: { Ledger: 'read' } },
    { name: 'league-table', entry: 'functions/api/league-table.ts', tables: { UnitMetrics: 'read' } },
    { name: 'follow-board', entry: 'functions/streams/follow-board.ts', tables: { BoardCounts: 'write' } },
    // Counts of small Tickets and Deliveries index ranges beside the counters; Directory: the districts' names.
    { name: 'read-board', entry: 'functions/api/read-board.ts', tables: { BoardCounts: 'read', Tickets: 'read', Deliveries: 'read', Directory: 'read' } },
    { name: 'citizen-progress', entry: 'functions/api/citizen-progress.ts', tables: { Tickets: 'read', Directory: 'read', Throttles: 'read-write' } },
    // Open311 GeoReport v2 (docs/open311.md): the catalogue as services, intake for 311 apps, their requests read back.
    { name: 'open311-services', entry: 'functions/api/open311-services.ts', tables: { Directory: 'read' } },
    // Directory: the clients' key hashes besides the city.
    { name: 'open311-submit', entry: 'functions/api/open311-submit.ts', tables: { ...ticketWrites, Directory: 'read', SearchTokens: 'write' }, nativeModules: ['@node-rs/jieba'] },
    { name: 'open311-requests', entry: 'functions/api/open311-requests.ts', tables: { Tickets: 'read', Directory: 'read' } },
    { name: 'open311-clients', entry: 'functions/api/open311-clients.ts', tables: { Directory: 'read-write' } },
  ],
  stateMachines: [
    // Declared before the lifecycle, which starts it as a child execution.
    {
      name: 'joint-review',
      definitionFile: 'workflows/joint-review.asl.json',
      substitutions: {
        ConvenePanel: { function: 'convene-panel' },
        KeepTaskToken: { function: 'keep-task-token' },
        RemindPanelMember: { function: 'remind-panel-member' },
        ClosePanel: { function: 'close-panel' },
      },
    },
    {
      name: 'ticket-lifecycle',
      definitionFile: 'workflows/ticket-lifecycle.asl.json',
      substitutions: {
        DispatchTicket: { function: 'dispatch-ticket' },
        KeepTaskToken: { function: 'keep-task-token' },
        TicketDeadline: { function: 'ticket-deadline' },
        JointReview: { stateMachine: 'joint-review' },
      },
    },
    {
      name: 'monthly-zeroing',
      definitionFile: 'workflows/monthly-zeroing.asl.json',
      substitutions: {
        OpenZeroingMonth: { function: 'open-zeroing-month' },
        CloseZeroingMonth: { function: 'close-zeroing-month' },
        CarryOverZeroing: { function: 'carry-over-zeroing' },
      },
    },
    {
      name: 'notification-delivery',
      definitionFile: 'workflows/notification-delivery.asl.json',
      substitutions: { DeliverNotification: { function: 'deliver-notification' }, FlagUndelivered: { function: 'flag-undelivered' } },
    },
  ],
  routes: [
    { method: 'GET', path: '/openapi.json', function: 'openapi', auth: false },
    // 我的诉求: a citizen follows a request by its number and the last four digits of the phone, without signing in.
    { method: 'GET', path: '/v1/progress/{id}', function: 'citizen-progress', auth: false },
    { method: 'GET', path: '/v1/units', function: 'list-units', auth: true },
    { method: 'GET', path: '/v1/catalogue', function: 'list-catalogue', auth: true },
    { method: 'POST', path: '/v1/tickets', function: 'create-ticket', auth: true },
    { method: 'GET', path: '/v1/tickets', function: 'list-tickets', auth: true },
    { method: 'GET', path: '/v1/tickets/{id}', function: 'get-ticket', auth: true },
    { method: 'GET', path: '/v1/tickets/{id}/workflow', function: 'read-workflow', auth: true },
    { method: 'POST', path: '/v1/tickets/{id}/actions', function: 'ticket-action', auth: true },
    { method: 'POST', path: '/v1/tickets/{id}/callback', function: 'ticket-action', auth: true },
    { method: 'GET', path: '/v1/units/{id}/subscriptions', function: 'unit-subscriptions', auth: true },
    { method: 'PUT', path: '/v1/units/{id}/subscriptions', function: 'unit-subscriptions', auth: true },
    { method: 'GET', path: '/v1/panel-members/{id}/subscriptions', function: 'unit-subscriptions', auth: true },
    { method: 'PUT', path: '/v1/panel-members/{id}/subscriptions', function: 'unit-subscriptions', auth: true },
    { method: 'GET', path: '/v1/notifications/undelivered', function: 'list-undelivered', auth: true },
    { method: 'GET', path: '/v1/panels', function: 'read-panels', auth: true },
    { method: 'GET', path: '/v1/panels/{id}', function: 'read-panels', auth: true },
    { method: 'POST', path: '/v1/panels/{id}/votes', function: 'cast-vote', auth: true },
    { method: 'GET', path: '/v1/metrics/units', function: 'league-table', auth: true },
    { method: 'GET', path: '/v1/board', function: 'read-board', auth: true },
    { method: 'GET', path: '/v1/zeroing/campaigns', function: 'read-zeroing', auth: true },
    { method: 'GET', path: '/v1/zeroing/campaigns/{month}', function: 'read-zeroing', auth: true },
    { method: 'GET', path: '/v1/zeroing/campaigns/{month}/entries', function: 'read-zeroing', auth: true },
    // Open311: each document in the spec's two formats, by extension (format=json|xml also chooses); the key, where
    // one is needed, is an argument (api_key), so the gateway lets every request through to the function.
    ...(['json', 'xml'] as const).flatMap((ext) => [
      { method: 'GET', path: `/open311/v2/discovery.${ext}`, function: 'open311-services', auth: false } as const,
      { method: 'GET', path: `/open311/v2/services.${ext}`, function: 'open311-services', auth: false } as const,
      { method: 'GET', path: `/open311/v2/requests.${ext}`, function: 'open311-requests', auth: false } as const,
      { method: 'POST', path: `/open311/v2/requests.${ext}`, function: 'open311-submit', auth: false } as const,
    ]),
    // `{code}.json`, `{id}.xml`: API Gateway's parameters are whole segments, the handler reads the extension.
    { method: 'GET', path: '/open311/v2/services/{code}', function: 'open311-services', auth: false },
    { method: 'GET', path: '/open311/v2/requests/{id}', function: 'open311-requests', auth: false },
    { method: 'GET', path: '/open311/v2/tokens/{token}', function: 'open311-requests', auth: false },
    { method: 'GET', path: '/v1/open311/clients', function: 'open311-clients', auth: true },
    { method: 'POST', path: '/v1/open311/clients', function: 'open311-clients', auth: true },
    { method: 'DELETE', path: '/v1/open311/clients/{id}', function: 'open311-clients', auth: true },
  ],
  streams: [
    { table: 'Tickets', function: 'start-lifecycle', batchSize: 25 },
    { table: 'Tickets', function: 'follow-board', batchSize: 25 },
    { table: 'TicketEvents', function: 'notify-units', batchSize: 25 },
    { table: 'TicketEvents', function: 'follow-month', batchSize: 25 },
  ],
  schedules: [{ name: 'monthly-zeroing', cron: 'cron(0 0 1 * ? *)', timeZone: 'Asia/Shanghai', target: { stateMachine: 'monthly-zeroing' } }],
};
