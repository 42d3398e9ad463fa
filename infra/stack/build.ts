// Builds the Casework stack for a stage into an app, with cdk-nag's AwsSolutions checks; shared by infra/app.ts and tests.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { manifest } from '../manifest.js';
import { CaseworkStack } from './casework-stack.js';
import type { Stage } from './context.js';

export function stageOf(app: App): Stage {
  const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`unknown stage ${stage}: use -c stage=dev|prod`);
  return stage;
}

export function buildApp(app: App, options: { nag?: boolean } = {}): CaseworkStack {
  const stage = stageOf(app);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  const stack = new CaseworkStack(app, `Casework-${stage}`, {
    stage,
    manifest,
    description: `Casework 12345 hotline workflow engine (${stage})`,
    ...(account || region ? { env: { account, region } } : {}),
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
