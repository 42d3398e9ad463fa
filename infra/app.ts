// The CDK app (cdk.json): `npx cdk synth -c stage=dev|prod`. Nothing account-specific is committed.
import { App } from 'aws-cdk-lib';
import { buildApp } from './stack/build.js';

const app = new App();
buildApp(app);
app.synth();
