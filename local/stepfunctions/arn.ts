// ARN shapes of the local engine (AWS layout, default region and account) and their parsing.
import { InvalidArnError } from './errors/api-errors.js';

export interface ArnScope {
  region: string;
  accountId: string;
}

export const DEFAULT_SCOPE: ArnScope = { region: 'us-east-1', accountId: '123456789012' };

/** ARN of a state machine by name. */
export function stateMachineArn(scope: ArnScope, name: string): string {
  return `arn:aws:states:${scope.region}:${scope.accountId}:stateMachine:${name}`;
}

/** ARN of an execution of a state machine. */
export function executionArn(machineArn: string, name: string): string {
  const machineName = parseStateMachineArn(machineArn).name;
  const prefix = machineArn.slice(0, machineArn.length - `stateMachine:${machineName}`.length);
  return `${prefix}execution:${machineName}:${name}`;
}

/** Splits a state machine ARN; throws InvalidArn when it is not one. */
export function parseStateMachineArn(arn: string): { region: string; accountId: string; name: string } {
  const m = /^arn:aws[\w-]*:states:([\w-]+):(\d{12}):stateMachine:([^:]+)$/.exec(arn);
  if (!m) throw new InvalidArnError(`Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  return { region: m[1] ?? '', accountId: m[2] ?? '', name: m[3] ?? '' };
}

/** Splits an execution ARN; throws InvalidArn when it is not one. */
export function parseExecutionArn(arn: string): { stateMachineArn: string; name: string } {
  const m = /^(arn:aws[\w-]*:states:[\w-]+:\d{12}):execution:([^:]+):([^:]+)$/.exec(arn);
  if (!m) throw new InvalidArnError(`Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  return { stateMachineArn: `${m[1]}:stateMachine:${m[2]}`, name: m[3] ?? '' };
}

/** Names of machines and executions: 1-80 chars, no whitespace, wildcards or control characters. */
export function isValidName(name: string): boolean {
  const hasControl = [...name].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
  return name.length >= 1 && name.length <= 80 && !hasControl && !/[\s<>{}[\]?*"#%\\^|~`$&,;:/]/.test(name);
}
