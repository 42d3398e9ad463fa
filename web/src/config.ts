// How this deployment signs people in and where its API is: the local runtime's demo users on the same origin, or,
// in AWS, Cognito's hosted UI and the HTTP API's own address.
export type AppConfig = { mode: 'local' } | { mode: 'cognito'; apiUrl: string; domain: string; clientId: string };

// The one read, shared by every caller from the first on: a screen's first requests all wait on it at once, and each
// asking for itself would queue a dozen reads ahead of them on the browser's six connections.
let loading: Promise<AppConfig> | undefined;

/** Reads /app-config.json once (the runtime serves it locally; the stack uploads it beside the app in AWS). */
export function appConfig(): Promise<AppConfig> {
  loading ??= fetch('/app-config.json').then(async (response) => (response.ok ? ((await response.json()) as AppConfig) : { mode: 'local' as const }));
  return loading;
}

/** The API's base address: '' (same origin) locally. */
export async function apiBase(): Promise<string> {
  const config = await appConfig();
  return config.mode === 'cognito' ? config.apiUrl.replace(/\/$/, '') : '';
}
