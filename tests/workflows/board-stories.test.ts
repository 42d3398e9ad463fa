// 督办大屏 on the local runtime: the supervision office's board follows tickets opened in two districts as one climbs the
// ladder past its deadlines, one is closed and one waits on an extension; polled with its ETag, it answers 304 while no
// figure moved, and a replayed stream record moves none.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { tableName } from '../../adapters/dynamodb/table-names.js';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, noiseComplaint } from './support/stories.js';

// Monday 23 November 2026, 10:00 in Beijing.
const world = cityOfThisFile('2026-11-23T02:00:00Z');

type Board = {
  asOf: string;
  strip: { open: number; overdue: number; dueSoon: number; onTime: number };
  byLevel: { level: number; open: number }[];
  byDistrict: { districtId: string; name: { zh: string; en: string }; open: number; levels: Record<'1' | '2' | '3', number> }[];
  days: { date: string; created: number; overdue: number; closed: number }[];
  pending: { extensions: number; difficult: number; returns: number; undelivered: number };
};

async function board(user = 'supervisor-1', headers: Record<string, string> = {}) {
  const res = await call(world.runtime, 'GET', '/v1/board', undefined, await login(world.runtime, user), headers);
  return { ...res, board: res.body as unknown as Board, etag: res.headers.get('etag') ?? '' };
}

const district = (b: Board, id: string) => b.byDistrict.find((d) => d.districtId === id);
const dayOf = (b: Board, date: string) => b.days.find((d) => d.date === date);

/** The ticket's item as stored, in the attribute-value form a stream record carries it. */
async function storedImage(id: string) {
  // The handlers' client, imported once the runtime has pointed it at DynamoDB Local.
  const { dynamodb } = await import('../../adapters/clients.js');
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: tableName('Tickets'), Key: { id: { S: id } }, ConsistentRead: true }));
  return Item as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
}

const inNanhu = { ...noiseComplaint, location: { districtId: 'd-nanhu', streetId: 's-nanhu-cuiliu', address: '翠柳公园东门' } };

describe("the supervision office's board", () => {
  let late = '';
  let extended = '';
  let openedImage: Awaited<ReturnType<typeof storedImage>>;

  it('counts the tickets opened today by district and level, the one closed, and the extension asked for', async () => {
    late = await world.city.open();
    openedImage = await storedImage(late);
    extended = await world.city.open(inNanhu);
    const closed = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', closed, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', closed, { type: 'resolve', reply: '已协调施工方夜间停工' });
    await world.city.callback(closed, { resolved: true, satisfied: true });
    await world.city.act('clerk-nanhu-cuiliu', extended, { type: 'accept' });
    expect((await world.city.act('clerk-nanhu-cuiliu', extended, { type: 'request-extension', days: 3, reason: '需协调物业和业委会' })).status).toBe(200);

    const { status, board: b, headers } = await board();

    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(b.asOf).toBe('2026-11-23T02:00:00.000Z');
    expect(b.strip).toEqual({ open: 2, overdue: 0, dueSoon: 0, onTime: 2 });
    expect(b.byLevel).toEqual([
      { level: 1, open: 2 },
      { level: 2, open: 0 },
      { level: 3, open: 0 },
    ]);
    expect(b.byDistrict.map((d) => [d.districtId, d.open])).toEqual([
      ['d-haibin', 1],
      ['d-nanhu', 1],
      ['d-qiaodong', 0],
      ['d-qingshan', 0],
    ]);
    expect(district(b, 'd-nanhu')).toEqual({ districtId: 'd-nanhu', name: { zh: '南湖区', en: 'Nanhu District' }, open: 1, levels: { '1': 1, '2': 0, '3': 0 } });
    expect(b.days.map((d) => d.date)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`));
    expect(b.days.at(-1)).toEqual({ date: '2026-11-23', created: 3, overdue: 0, closed: 1 });
    expect(b.pending).toEqual({ extensions: 1, difficult: 0, returns: 0, undelivered: 0 });
  });

  it('answers a poll that sends back its ETag with 304 and no body while nothing moved', async () => {
    const first = await board();

    const again = await board('supervisor-1', { 'if-none-match': first.etag });

    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.etag).toBe(first.etag);
    expect((await board('operator-1', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('shows a district coordinator its own district, and refuses a clerk in Chinese or English', async () => {
    const nanhu = (await board('coordinator-nanhu')).board;
    const haibin = (await board('coordinator-haibin')).board;
    const clerk = await board('clerk-haibin-dongmen');
    const clerkEn = await board('clerk-haibin-dongmen', { 'accept-language': 'en' });

    expect(nanhu.byDistrict.map((d) => d.districtId)).toEqual(['d-nanhu']);
    expect(nanhu.strip).toEqual({ open: 1, overdue: 0, dueSoon: 0, onTime: 1 });
    expect(nanhu.pending.extensions).toBe(1);
    expect(haibin.pending.extensions).toBe(0);
    expect(haibin.days.at(-1)).toEqual({ date: '2026-11-23', created: 2, overdue: 0, closed: 1 });
    expect(clerk.status).toBe(403);
    expect(clerk.body).toMatchObject({ rule: 'board.role', message: expect.stringContaining('承办单位工作人员不能查看督办大屏') });
    expect(clerkEn.body).toMatchObject({ rule: 'board.role', message: expect.stringContaining('a clerk reads no board') });
    expect((await board('panelist-1')).status).toBe(403);
  });

  it('moves the ticket nobody accepted up to the district and counts it overdue on the day its deadline passed; a replayed record moves nothing', async () => {
    const before = await board();

    // Nobody at the street accepts it within a working day.
    await world.city.timeIs('2026-11-24T10:01:00+08:00');

    const { board: b, etag } = await board();
    expect(etag).not.toBe(before.etag);
    expect(b.byLevel.map((l) => l.open)).toEqual([1, 1, 0]);
    expect(district(b, 'd-haibin')).toMatchObject({ open: 1, levels: { '1': 0, '2': 1, '3': 0 } });
    expect(dayOf(b, '2026-11-24')).toEqual({ date: '2026-11-24', created: 0, overdue: 1, closed: 0 });

    // The stream delivers the ticket's records again (a retried batch), twice over: its intake, then its escalation.
    const escalated = await storedImage(late);
    const record = (eventName: 'INSERT' | 'MODIFY', OldImage: typeof escalated, NewImage: typeof escalated): DynamoDBRecord => ({
      eventName,
      dynamodb: { Keys: { id: { S: late } }, ...(OldImage ? { OldImage } : {}), NewImage, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const replay = [record('INSERT', undefined, openedImage), record('MODIFY', openedImage, escalated)];
    await world.runtime.functions.invoke('follow-board', { Records: replay });
    await world.runtime.functions.invoke('follow-board', { Records: replay });

    const replayed = await board('supervisor-1', { 'if-none-match': etag });
    expect(replayed.status).toBe(304);
  });

  it('counts a ticket at the city past its completion deadline as overdue, and one due within a day as due soon', async () => {
    // The district does not accept it either: on Wednesday it reaches the city, whose completion deadline passes on 2 December.
    await world.city.timeIs('2026-12-02T10:01:00+08:00');
    expect(await world.city.ticket(late)).toMatchObject({ level: 3, status: 'dispatched', deadlines: { complete: '2026-12-02T02:00:00.000Z' } });

    const atTheCity = (await board()).board;
    expect(atTheCity.strip).toEqual({ open: 2, overdue: 1, dueSoon: 0, onTime: 1 });
    expect(atTheCity.byLevel.map((l) => l.open)).toEqual([1, 0, 1]);
    expect(dayOf(atTheCity, '2026-11-25')).toMatchObject({ overdue: 1 });

    // Nanhu's ticket must be completed by 10:00 on 14 December: on the 13th at 18:00 that is within a day.
    expect((await world.city.ticket(extended)).deadlines.complete).toBe('2026-12-14T02:00:00.000Z');
    await world.city.timeIs('2026-12-13T18:00:00+08:00');

    const { board: b } = await board();
    expect(b.strip).toEqual({ open: 2, overdue: 1, dueSoon: 1, onTime: 0 });
    expect(b.days.map((d) => d.date)).toEqual(Array.from({ length: 14 }, (_, i) => `${i < 1 ? '2026-11-30' : `2026-12-${String(i).padStart(2, '0')}`}`));
    expect(b.days.every((d) => d.created === 0 && d.closed === 0)).toBe(true);
  });

  it('is described in /openapi.json with its ETag and 304', async () => {
    const doc = (await call(world.runtime, 'GET', '/openapi.json')).body as { paths: Record<string, { get: { responses: Record<string, { headers?: Record<string, unknown> }> } }> };

    const responses = doc.paths['/v1/board']?.get.responses ?? {};
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '304', '403']));
    expect(Object.keys(responses['200']?.headers ?? {})).toEqual(['ETag', 'Cache-Control']);
  });
});
