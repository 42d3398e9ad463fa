// Endpoints only the local runtime has: the clock, demo users and login, the mailbox, usage, and /health.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { HttpReply } from '../api-gateway/proxy-event.js';
import type { ReceivedMail } from '../mail/smtp-sink.js';
import type { User } from '../../schemas/actor.js';
import { describeIssues, fieldIssues } from '../../schemas/validation-error.js';
import { parseIsoDuration } from './iso-duration.js';
import type { UsageSnapshot } from './usage-meter.js';

export interface LocalEndpointsDeps {
  clock: { kind: 'virtual' | 'real'; now(): Date; advanceTo(to: Date): Promise<void> };
  users: readonly User[];
  login(user: User): Promise<string>;
  mail(): ReceivedMail[];
  /** What the runtime used since it started, in AWS's billing units, and its processes' peak memory and CPU time. */
  usage(): UsageSnapshot & { peakMemoryBytes: Record<string, number | undefined>; cpuSeconds: Record<string, number | undefined> };
  health(): Promise<Record<string, unknown>>;
}

const ClockMove = z.union([
  z.object({ advance: z.string().refine((d) => parseIsoDuration(d) !== undefined, 'must be an ISO-8601 duration such as "P3D" or "PT2H"') }).strict(),
  z.object({ to: z.iso.datetime({ offset: true }) }).strict(),
]);
const Login = z.object({ user: z.string().min(1) }).strict();

const reply = (statusCode: number, body: unknown): HttpReply => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(body)),
});

/** Serves a local endpoint, or returns undefined when the path is not one of them. */
export function localEndpoints(deps: LocalEndpointsDeps) {
  return async (req: IncomingMessage, url: URL, body: Buffer): Promise<HttpReply | undefined> => {
    const route = `${req.method} ${url.pathname}`;
    const parse = <S extends z.ZodType>(schema: S): z.output<S> | HttpReply => {
      let raw: unknown;
      try {
        raw = JSON.parse(body.toString('utf8') || 'null');
      } catch {
        return reply(400, { error: 'ValidationError', message: '(body): is not valid JSON' });
      }
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : reply(400, { error: 'ValidationError', message: describeIssues(fieldIssues(parsed.error)) });
    };
    switch (route) {
      case 'GET /health': {
        const parts = await deps.health();
        const ok = Object.values(parts).every((p) => (p as { status?: string }).status === 'ok');
        return reply(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', parts });
      }
      case 'GET /app-config.json':
        // The web app signs in through the demo users here; in AWS the stack uploads a Cognito one.
        return reply(200, { mode: 'local' });
      case 'GET /_local/clock':
        return reply(200, { now: deps.clock.now().toISOString(), kind: deps.clock.kind });
      case 'POST /_local/clock': {
        if (deps.clock.kind !== 'virtual') {
          return reply(409, { error: 'ConflictError', message: 'the clock is real time; start the runtime with --virtual-clock to move it' });
        }
        const move = parse(ClockMove);
        if ('statusCode' in move) return move;
        const now = deps.clock.now();
        const to = 'advance' in move ? new Date(now.getTime() + (parseIsoDuration(move.advance) ?? 0)) : new Date(move.to);
        if (to < now) return reply(422, { error: 'RuleViolationError', message: `to: the clock never moves backwards (it is ${now.toISOString()})` });
        await deps.clock.advanceTo(to);
        return reply(200, { now: deps.clock.now().toISOString(), kind: 'virtual' });
      }
      case 'GET /_local/users':
        return reply(200, deps.users.map((u) => ({ id: u.id, name: u.name, role: u.role, ...(u.unitId ? { unitId: u.unitId } : {}) })));
      case 'POST /_local/login': {
        const login = parse(Login);
        if ('statusCode' in login) return login;
        const user = deps.users.find((u) => u.id === login.user);
        if (!user) return reply(404, { error: 'NotFoundError', message: `user: no demo user "${login.user}"; GET /_local/users lists them` });
        return reply(200, { token: await deps.login(user), user });
      }
      case 'GET /_local/usage':
        return reply(200, deps.usage());
      case 'GET /_local/mail':
        return reply(200, deps.mail());
      default:
        return undefined;
    }
  };
}
