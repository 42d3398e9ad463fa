// Loads data for a screen and reloads it on demand: the state every screen shares (loading, data, error).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import { syncClock } from './clock.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/** Runs `load` now and whenever `deps` change; `reload` runs it again (after an action, a poll). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const reload = useCallback(async () => {
    try {
      const [data] = await Promise.all([load(), syncClock()]);
      setState({ data, loading: false });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error));
      setState((s) => ({ data: s.data, error: failure, loading: false }));
    }
  }, deps);
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    void reload();
  }, [reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
