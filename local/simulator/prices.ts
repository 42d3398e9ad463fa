// AWS list prices the simulator projects a bill with: us-east-1, on-demand, no free tier, in US dollars.
// Dated and sourced so a reader can tell when to look again; a price change is an edit here and nowhere else.

export interface PriceTable {
  /** When these were last compared with the pages named in `sources`. */
  checked: string;
  region: string;
  /** Step Functions Standard workflows: per state transition. */
  stepFunctionsTransition: number;
  /** Lambda on Arm (Graviton), as the stack deploys it: per request, and per GB-second of duration. */
  lambdaRequest: number;
  lambdaGbSecond: number;
  /** DynamoDB on-demand: per write request unit and per read request unit (stream reads by Lambda are free). */
  dynamodbWriteUnit: number;
  dynamodbReadUnit: number;
  /** API Gateway HTTP API, first 300 million requests a month: shown beside the bill, not in the target's total. */
  apiGatewayRequest: number;
  sources: Record<'stepFunctions' | 'lambda' | 'dynamodb' | 'apiGateway', string>;
}

export const PRICES: PriceTable = {
  checked: '2026-11-26',
  region: 'us-east-1',
  stepFunctionsTransition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecond: 0.0000133334,
  // After the 50% cut of November 2024.
  dynamodbWriteUnit: 0.625 / 1_000_000,
  dynamodbReadUnit: 0.125 / 1_000_000,
  apiGatewayRequest: 1.0 / 1_000_000,
  sources: {
    stepFunctions: 'https://aws.amazon.com/step-functions/pricing/',
    lambda: 'https://aws.amazon.com/lambda/pricing/',
    dynamodb: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    apiGateway: 'https://aws.amazon.com/api-gateway/pricing/',
  },
};
