// The HTTP API from the manifest's routes, with a Cognito user pool and a JWT authorizer on every route with auth.
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination, type HttpRouteIntegration } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, ClientAttributes, Mfa, OAuthScope, StringAttribute, UserPool, type UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
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
  /** The hosted UI's host name, for the web app's sign-in. */
  readonly cognitoDomain: string;

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
      // A person may change their locale, nothing else: role, unit and panel seat (custom:*) are set by administrators
      // (AdminUpdateUserAttributes), never through the user's own token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // The web app signs in through the hosted UI with the authorization code and PKCE (no client secret in a browser).
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${webOrigin}/sign-in/callback`],
        logoutUrls: [`${webOrigin}/sign-in`],
      },
    });
    const domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: `${prefixOf(stage)}-${Stack.of(this).account}` } });
    this.cognitoDomain = `${domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
    const issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
    this.authorizer = new HttpJwtAuthorizer('Cognito', issuer, { jwtAudience: [this.client.userPoolClientId] });

    this.api = new HttpApi(this, 'Http', {
      apiName: `${prefixOf(stage)}-api`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [webOrigin],
        // accept-language picks the answer's language; if-none-match lets the board poll by ETag; accept asks for CSV.
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language', 'if-none-match', 'accept'],
        exposeHeaders: ['etag', 'content-disposition', 'content-language'],
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
