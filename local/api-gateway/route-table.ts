// API Gateway route matching: `POST /v1/tickets/{id}/actions` style route keys with path parameters.
import type { RouteSpec } from '../../infra/manifest-types.js';

export interface RouteMatch {
  route: RouteSpec;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteSpec;
  pattern: RegExp;
  names: string[];
}

/** Matches requests against the manifest's routes; literal segments win over parameters, as in API Gateway. */
export class RouteTable {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteSpec[]) {
    this.compiled = routes
      .map((route) => {
        const names: string[] = [];
        const source = route.path.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, greedy: string) => {
          names.push(name);
          return greedy ? '(.+)' : '([^/]+)';
        });
        return { route, pattern: new RegExp(`^${source}$`), names };
      })
      // More literal characters first, so `/v1/tickets/overdue` beats `/v1/tickets/{id}`.
      .sort((a, b) => literalLength(b.route.path) - literalLength(a.route.path));
  }

  /** The route for a method and path, or undefined; `methodAllowed` tells 405 from 404, `malformed` a path no decoder reads (400). */
  match(method: string, path: string): RouteMatch | { methodAllowed: false } | { malformed: true } | undefined {
    let pathKnown = false;
    for (const { route, pattern, names } of this.compiled) {
      const m = pattern.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const values = names.map((_, i) => decodePart(m[i + 1] ?? ''));
      if (values.includes(undefined)) return { malformed: true };
      const pathParameters = Object.fromEntries(names.map((n, i) => [n, values[i] as string]));
      return { route, routeKey: `${route.method} ${route.path}`, pathParameters };
    }
    return pathKnown ? { methodAllowed: false } : undefined;
  }
}

/** A path segment decoded, or undefined when its percent-encoding is not UTF-8 (`%E0%A4%A`), as API Gateway refuses it. */
function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function literalLength(path: string): number {
  return path.replace(/\{[^}]+\}/g, '').length;
}
