// Lambda functions from the manifest: NodejsFunction bundled by the local esbuild, arm64, Node 22, ESM, sourcemaps,
// a log group with retention, and the names of and least-privilege access to the tables the manifest gives it.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableEnvName, type FunctionSpec, type TableAccess } from '../manifest-types.js';
import { LAMBDA_MEMORY_MB } from '../manifest.js';
import { tableStatement } from './access.js';
import { acknowledgeFunction } from './nag.js';
import { fromRoot, repoRoot, type Stage } from './context.js';

/** ESM bundles still contain CommonJS dependencies (nodemailer) that call require(). */
const REQUIRE_SHIM = "import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);";

export function createFunctions(
  scope: Construct,
  stage: Stage,
  specs: FunctionSpec[],
  tables: Map<string, ITable>,
  indexes: Map<string, string[]>,
  environment: Record<string, string>,
): Map<string, NodejsFunction> {
  const functions = new Map<string, NodejsFunction>();
  const nativeModules = [...new Set(specs.flatMap((spec) => spec.nativeModules ?? []))];
  for (const spec of specs) {
    const id = `Fn${spec.name.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}`;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: stage === 'prod' ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const fn = new NodejsFunction(scope, id, {
      entry: fromRoot(spec.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: LAMBDA_MEMORY_MB,
      timeout: Duration.seconds(spec.timeoutSeconds ?? 15),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: { ...environment, ...spec.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        target: 'node22',
        sourceMap: true,
        minify: true,
        banner: REQUIRE_SHIM,
        // The Node 22 runtime provides AWS SDK v3. Native packages are never bundled: a function that does not list
        // one may still reach its import through shared code, but never runs it.
        externalModules: ['@aws-sdk/*', ...nativeModules],
        // A native package is installed beside the bundle (npm ci from the lock file), choosing the prebuilt binary
        // for Lambda's platform rather than the one of the machine that builds.
        ...(spec.nativeModules?.length
          ? { nodeModules: spec.nativeModules, environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' } }
          : {}),
      },
    });
    // A function learns the names of exactly the tables it may use; the repositories (functions/shared/services.ts)
    // read a name only when a call needs it, so no function needs the name of a table outside its manifest entry.
    for (const [tableName, access] of Object.entries(spec.tables ?? {}) as [string, TableAccess | undefined][]) {
      const table = tables.get(tableName);
      if (!table || !access) throw new Error(`function ${spec.name}: unknown table ${tableName}`);
      fn.addEnvironment(tableEnvName(tableName), table.tableName);
      fn.addToRolePolicy(tableStatement(table, indexes.get(tableName) ?? [], access));
    }
    acknowledgeFunction(fn);
    functions.set(spec.name, fn);
  }
  return functions;
}
