import { describe, expect, it } from 'vitest';
import { costPer1000, usageTotals } from '../../../local/simulator/cost.js';
import { PRICES } from '../../../local/simulator/prices.js';

const usage = {
  lambda: { 'create-ticket': { invocations: 1000, billedMs: 40_000 }, 'notify-units': { invocations: 3000, billedMs: 24_000 } },
  transitions: { 'casework-ticket-lifecycle': { T1: 9, T2: 11 }, 'casework-notification-delivery': { 'T1-1': 1, 'T2-1': 1 } },
  dynamodb: { 'casework-Tickets': { requests: 10, readUnits: 4, writeUnits: 30 }, 'casework-Deliveries': { requests: 2, readUnits: 0, writeUnits: 2 } },
};

describe('the projected bill', () => {
  it('adds every function, machine and table up, Lambda duration at the deployed memory', () => {
    expect(usageTotals(usage, 77, 512)).toEqual({
      lambdaInvocations: 4000,
      lambdaGbSeconds: 64 * 0.5,
      stateTransitions: 22,
      dynamodbReadUnits: 4,
      dynamodbWriteUnits: 32,
      apiRequests: 77,
    });
  });

  it("prices a thousand tickets at the table's list prices, API Gateway beside the total", () => {
    const totals = { lambdaInvocations: 20_000, lambdaGbSeconds: 500, stateTransitions: 12_000, dynamodbReadUnits: 40_000, dynamodbWriteUnits: 80_000, apiRequests: 5_000 };
    const cost = costPer1000(totals, 1000, PRICES);
    // 12,000 transitions at USD 0.025 a thousand; 20,000 requests at 0.20 a million plus 500 GB-s; 80,000 WRU and 40,000 RRU.
    expect(cost.stepFunctions).toBeCloseTo(0.3, 10);
    expect(cost.lambda).toBeCloseTo(0.004 + 500 * 0.0000133334, 10);
    expect(cost.dynamodb).toBeCloseTo(0.05 + 0.005, 10);
    expect(cost.total).toBeCloseTo(cost.stepFunctions + cost.lambda + cost.dynamodb, 12);
    expect(cost.apiGateway).toBeCloseTo(0.005, 10);
    // The same usage over twice the tickets is half the bill per thousand.
    expect(costPer1000(totals, 2000, PRICES).total).toBeCloseTo(cost.total / 2, 12);
    expect(costPer1000(totals, 0, PRICES).total).toBe(0);
  });

  it('dates its prices and names where they were read', () => {
    expect(PRICES.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const source of Object.values(PRICES.sources)) expect(source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });
});
