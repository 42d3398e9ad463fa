// How this deployment signs people in and where its API is: the local runtime's demo users on the same origin, or,
// in AWS, Cognito's hosted UI and the HTTP API's own address.
export type AppConfig = { mode: 'local' } | { mode: 'cognito'; apiUrl: string; domain: string; clientId: string };

let loaded: AppConfig | undefined;

/** Reads /app-config.json once (the runtime serves it locally; the stack uploads it beside the app in AWS). */
export async function appConfig(): Promise<AppConfig> {
  if (loaded) return loaded;
  const response = await fetch('/app-config.json');
  loaded = response.ok ? ((await response.json()) as AppConfig) : { mode: 'local' };
  return loaded;
}

/** The API's base address: '' (same origin) locally. */
export async function apiBase(): Promise<string> {
  const config = await appConfig();
  return config.mode === 'cognito' ? config.apiUrl.replace(/\/$/, '') : '';
}
