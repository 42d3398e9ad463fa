// An action a person sends on a ticket (POST /v1/tickets/{id}/actions, or its callback): busy while it goes, the API's refusal kept
// so each field can show its own message.
import { useState } from 'preact/hooks';
import { ApiError, api } from './api.js';

export interface Action {
  busy: boolean;
  failure: ApiError | undefined;
  /** Sends the action; true when the API took it. */
  send(body: Record<string, unknown>): Promise<boolean>;
}

/** The action state for one ticket's form (its callback goes to `/callback`, every other action to `/actions`). */
export function useAction(ticketId: string, route: 'actions' | 'callback' = 'actions'): Action {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  return {
    busy,
    failure,
    async send(body) {
      setBusy(true);
      setFailure(undefined);
      try {
        await api(`/v1/tickets/${ticketId}/${route}`, { method: 'POST', body });
        return true;
      } catch (error) {
        setFailure(error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error)));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
