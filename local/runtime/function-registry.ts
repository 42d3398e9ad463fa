// The manifest's functions, loaded in this process on first use and invoked with real Lambda event and context shapes.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FunctionSpec } from '../../infra/manifest-types.js';
import { type Handler, invokeLocally } from '../lambda/lambda-context.js';
import type { HandlerRegistry, LambdaHandler } from '../stepfunctions/tasks/task-types.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

/** The ARN a function has in the local runtime (and the shape it has in AWS). */
export function functionArn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:casework-${name}`;
}

export class FunctionRegistry {
  private readonly specs = new Map<string, FunctionSpec>();
  private readonly loaded = new Map<string, Promise<Handler>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private started = 0;
  private finished = 0;

  constructor(
    functions: readonly FunctionSpec[],
    private readonly root: string,
    /** Told of each invocation's name and wall time once it ends. */
    private readonly onInvoked?: (name: string, durationMs: number) => void,
  ) {
    for (const f of functions) this.specs.set(f.name, f);
  }

  /** Invokes a function by its manifest name, as Lambda would. */
  invoke(name: string, event: unknown): Promise<unknown> {
    const spec = this.specs.get(name);
    if (!spec) return Promise.reject(new Error(`the manifest has no function "${name}"`));
    const call = this.load(spec).then((handler) => {
      const began = performance.now();
      const running = invokeLocally(handler, event, { functionName: `casework-${name}`, region: REGION, accountId: ACCOUNT, timeoutMs: (spec.timeoutSeconds ?? 30) * 1000 });
      const ended = () => this.onInvoked?.(name, performance.now() - began);
      void running.then(ended, ended);
      return running;
    });
    this.inflight.add(call);
    this.started += 1;
    const done = () => {
      this.inflight.delete(call);
      this.finished += 1;
    };
    void call.then(done, done);
    return call;
  }

  /** Grows with every invocation started and every one finished: equal readings mean no call began or ended in between. */
  get activity(): number {
    return this.started + this.finished;
  }

  /** Resolves once every invocation started so far has finished; true when there were any. */
  async settled(): Promise<boolean> {
    if (this.inflight.size === 0) return false;
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    return true;
  }

  /** The functions as the Step Functions engine calls them, by ARN and by name. */
  engineHandlers(): HandlerRegistry {
    const registry: Record<string, LambdaHandler> = {};
    for (const name of this.specs.keys()) {
      const call: LambdaHandler = (event) => this.invoke(name, event);
      registry[functionArn(name)] = call;
      registry[`casework-${name}`] = call;
    }
    return registry;
  }

  private load(spec: FunctionSpec): Promise<Handler> {
    let handler = this.loaded.get(spec.name);
    if (!handler) {
      handler = import(pathToFileURL(resolve(this.root, spec.entry)).href).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${spec.entry} does not export a handler`);
        return module.handler;
      });
      this.loaded.set(spec.name, handler);
    }
    return handler;
  }
}
