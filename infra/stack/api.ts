// The HTTP API from the manifest's routes, with a Cognito user pool and a JWT authorizer on every route with auth.
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination, type HttpRouteIntegration } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, Mfa, StringAttribute, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../manifest-types.js';
import { acknowledgePublicRoute, acknowledgeUserPool } from './nag.js';
import { prefixOf, type Stage } from './context.js';

export class CaseworkApi extends Construct {
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, stage: Stage, routes: RouteSpec[], functions: Map<string, IFunction>, webOrigin: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${prefixOf(stage)}-users`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      customAttributes: {
        role: new StringAttribute({ mutable: true }),
        unitId: new StringAttribute({ mutable: true }),
        memberId: new StringAttribute({ mutable: true }),
      },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    acknowledgeUserPool(this.userPool);
    this.client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
    });
    const issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
    this.authorizer = new HttpJwtAuthorizer('Cognito', issuer, { jwtAudience: [this.client.userPoolClientId] });

    this.api = new HttpApi(this, 'Http', {
      apiName: `${prefixOf(stage)}-api`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [webOrigin],
        // The board polls with If-None-Match and reads the ETag it gets back.
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-none-match'],
        exposeHeaders: ['etag'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage === 'prod' ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId', ip: '$context.identity.sourceIp', routeKey: '$context.routeKey',
            status: '$context.status', latency: '$context.responseLatency', error: '$context.error.message',
          }),
        ),
      },
    });

    const integrations = new Map<string, HttpRouteIntegration>();
    for (const route of routes) {
      const fn = functions.get(route.function);
      if (!fn) throw new Error(`route ${route.method} ${route.path}: unknown function ${route.function}`);
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`Int-${route.function}`, fn);
        integrations.set(route.function, integration);
      }
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(route.auth ? { authorizer: this.authorizer } : {}),
      });
      if (!route.auth) added.forEach(acknowledgePublicRoute);
    }
    new CfnOutput(scope, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(scope, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(scope, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
