// The evaluator port: how the executor evaluates fields, whichever query language a state uses.
import type { Json, JsonObject } from '../json.js';
import type { QueryLanguage } from '../model.js';

/** What an expression can see: the state input, the context object, variables, and (late) result/error. */
export interface EvalScope {
  input: Json;
  context: Json;
  variables: JsonObject;
  result?: Json;
  errorOutput?: Json;
}

export interface Evaluator {
  readonly language: QueryLanguage;
  /**
   * Evaluates a payload template (JSONPath: `key.$` fields and intrinsics; JSONata: `{% %}` strings at any
   * depth). `field` names the ASL field for error messages (e.g. `Parameters`, `Output`).
   */
  template(value: Json, scope: EvalScope, field: string): Promise<Json>;
  /**
   * Evaluates one value-producing field (JSONPath: a path such as `$.items`; JSONata: a `{% %}` string or a
   * literal). Returns `undefined` when a JSONPath selects nothing, so callers can word their own error.
   */
  value(expr: Json, scope: EvalScope, field: string): Promise<Json | undefined>;
}
