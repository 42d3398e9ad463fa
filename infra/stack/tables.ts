// DynamoDB tables from the manifest: on-demand, point-in-time recovery, streams, TTL, deletion protection.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { indexProjection, type KeySpec, type TableSpec } from '../manifest-types.js';
import type { Stage } from './context.js';
import { prefixOf } from './context.js';

function key(spec: KeySpec): { name: string; type: AttributeType } {
  return { name: spec.name, type: spec.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

export function createTables(scope: Construct, stage: Stage, specs: TableSpec[]): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const spec of specs) {
    const table = new Table(scope, `Table${spec.name}`, {
      tableName: `${prefixOf(stage)}-${spec.name}`,
      partitionKey: key(spec.partitionKey),
      ...(spec.sortKey ? { sortKey: key(spec.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      ...(spec.stream
        ? { stream: spec.stream === 'NEW_IMAGE' ? StreamViewType.NEW_IMAGE : StreamViewType.NEW_AND_OLD_IMAGES }
        : {}),
      ...(spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
    });
    for (const index of spec.indexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        ...(index.sortKey ? { sortKey: key(index.sortKey) } : {}),
        ...projection(indexProjection(index)),
      });
    }
    tables.set(spec.name, table);
  }
  return tables;
}

function projection(p: ReturnType<typeof indexProjection>) {
  return p.type === 'INCLUDE' ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: p.attributes } : { projectionType: ProjectionType[p.type] };
}
