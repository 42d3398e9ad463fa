// The AWS bill a run's usage projects to, per 1,000 tickets, at the list prices of `prices.ts`.
import type { UsageSnapshot } from '../runtime/usage-meter.js';
import type { PriceTable } from './prices.js';

export interface UsageTotals {
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  stateTransitions: number;
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  apiRequests: number;
}

export interface CostPer1000 {
  stepFunctions: number;
  lambda: number;
  dynamodb: number;
  /** The three above: what the target of USD 0.40 is measured on. */
  total: number;
  /** API Gateway, beside the total. */
  apiGateway: number;
}

/** Adds up a usage snapshot (and the API requests made) into billable totals; Lambda duration at `memoryMb`. */
export function usageTotals(usage: UsageSnapshot, apiRequests: number, memoryMb: number): UsageTotals {
  const lambda = Object.values(usage.lambda);
  const tables = Object.values(usage.dynamodb);
  return {
    lambdaInvocations: lambda.reduce((n, f) => n + f.invocations, 0),
    lambdaGbSeconds: lambda.reduce((n, f) => n + f.billedMs, 0) / 1000 * (memoryMb / 1024),
    stateTransitions: Object.values(usage.transitions).reduce((n, byExecution) => n + Object.values(byExecution).reduce((m, t) => m + t, 0), 0),
    dynamodbReadUnits: tables.reduce((n, t) => n + t.readUnits, 0),
    dynamodbWriteUnits: tables.reduce((n, t) => n + t.writeUnits, 0),
    apiRequests,
  };
}

/** The projected bill of `totals` spread over `tickets`, per 1,000 tickets, in US dollars. */
export function costPer1000(totals: UsageTotals, tickets: number, prices: PriceTable): CostPer1000 {
  const per1000 = (usd: number) => (tickets === 0 ? 0 : (usd / tickets) * 1000);
  const stepFunctions = per1000(totals.stateTransitions * prices.stepFunctionsTransition);
  const lambda = per1000(totals.lambdaInvocations * prices.lambdaRequest + totals.lambdaGbSeconds * prices.lambdaGbSecond);
  const dynamodb = per1000(totals.dynamodbWriteUnits * prices.dynamodbWriteUnit + totals.dynamodbReadUnits * prices.dynamodbReadUnit);
  return { stepFunctions, lambda, dynamodb, total: stepFunctions + lambda + dynamodb, apiGateway: per1000(totals.apiRequests * prices.apiGatewayRequest) };
}
