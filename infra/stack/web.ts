// The web app: a private, encrypted S3 bucket behind CloudFront with origin access control; web/dist is uploaded when
// built, with the app's config (the API's address, the hosted sign-in) beside it.
import { existsSync } from 'node:fs';
import { type CfnElement, CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Distribution, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeWeb, acknowledgeWebDeployment } from './nag.js';
import { fromRoot, type Stage } from './context.js';

export class WebApp extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;
  readonly deployed: boolean;

  constructor(scope: Construct, id: string, stage: Stage) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: stage === 'prod',
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    this.distribution = new Distribution(this, 'Cdn', {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      defaultRootObject: 'index.html',
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html' }],
    });
    acknowledgeWeb(this.bucket, this.distribution);
    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(scope, 'WebUrl', { value: this.url });
    this.deployed = existsSync(fromRoot('web/dist'));
  }

  /** Uploads web/dist (when built) with the app-config.json that tells the app where the API is and how to sign in. */
  deploy(config: { apiUrl: string; cognitoDomain: string; clientId: string }): void {
    if (!this.deployed) return;
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(fromRoot('web/dist')), Source.jsonData('app-config.json', { mode: 'cognito', apiUrl: config.apiUrl, domain: config.cognitoDomain, clientId: config.clientId })],
      destinationBucket: this.bucket,
      distribution: this.distribution,
    });
    acknowledgeWebDeployment(deployment.handlerRole.node.scope ?? deployment, Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement));
  }
}
