// The board's figures kept current without a reload: GET /v1/board every few seconds with the last ETag, so a poll
// that finds nothing new costs a 304 and no re-render of what it feeds.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, send } from '../../api.js';
import { serverNow, syncClock } from '../../clock.js';
import type { Text } from '../../i18n.js';

/** How often the wall screen asks whether anything changed. */
export const BOARD_POLL_MS = 5_000;

/** `GET /v1/board`: open tickets by deadline, level and district, the last 14 days, the office's pending queues. */
export interface BoardView {
  asOf: string;
  strip: { open: number; overdue: number; dueSoon: number; onTime: number };
  byLevel: { level: 1 | 2 | 3; open: number }[];
  byDistrict: { districtId: string; name: Text; open: number; levels: Partial<Record<'1' | '2' | '3', number>> }[];
  days: { date: string; created: number; overdue: number; closed: number }[];
  pending: { extensions: number; difficult: number; returns: number; undelivered: number };
}

export interface BoardState {
  board?: BoardView;
  /** The last poll's failure, until one succeeds. */
  error?: ApiError;
  /** Counts the times the figures changed after the first answer: lists shown beside the board read again on it. */
  changes: number;
  /** When the board was last asked, by the server's clock. */
  checkedAt?: Date;
}

/** Polls the board every BOARD_POLL_MS while the page is visible. */
export function useBoard(): BoardState {
  const [state, setState] = useState<BoardState>({ changes: 0 });
  useEffect(() => {
    let etag: string | undefined;
    let answered = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      // A hidden tab (a wall screen switched to another view) asks nothing until it shows again.
      if (!document.hidden) {
        try {
          // The clock too: countdowns on the screen follow the runtime's clock, which may be moved while it shows.
          const [response] = await Promise.all([send('/v1/board', etag ? { headers: { 'if-none-match': etag } } : {}), syncClock()]);
          if (stopped) return;
          if (response.status === 304) {
            setState((s) => ({ ...s, error: undefined, checkedAt: serverNow() }));
          } else {
            const board = (await response.json()) as BoardView;
            const tag = response.headers.get('etag') ?? undefined;
            // Without an ETag every answer counts as new.
            const changed = answered && (tag === undefined || tag !== etag);
            etag = tag;
            answered = true;
            setState((s) => ({ board, changes: s.changes + (changed ? 1 : 0), checkedAt: serverNow() }));
          }
        } catch (error) {
          if (stopped) return;
          const failure = error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error));
          setState((s) => ({ ...s, error: failure, checkedAt: serverNow() }));
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), BOARD_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}
