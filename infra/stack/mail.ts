// Email in AWS: the functions the manifest marks `sendsMail` send through the SES API with their own role
// (adapters/mail/send-mail.ts, MAIL_TRANSPORT=ses), so no credential exists anywhere, least of all in an environment.
import { Arn, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

export const DEFAULT_MAIL_FROM = '12345 工单系统 <casework@haiqiao.example>';

/** The sending address and the SES identities it may be sent as: the address itself and its domain. */
export function mailIdentity(scope: Construct): { from: string; identities: string[] } {
  const from = (scope.node.tryGetContext('mailFrom') as string | undefined) ?? DEFAULT_MAIL_FROM;
  const address = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const domain = address.split('@')[1];
  if (!domain || /\s/.test(address)) throw new Error(`mailFrom "${from}" is not an address or "Name <address>"`);
  return { from, identities: [address, domain] };
}

/** Lets the function send email as the stage's sending identity, and tells it to use SES. */
export function grantSendMail(fn: LambdaFunction): void {
  const { from, identities } = mailIdentity(fn);
  fn.addEnvironment('MAIL_TRANSPORT', 'ses');
  fn.addEnvironment('MAIL_FROM', from);
  // SES authorises SendEmail against the identity the From address is verified as: the address, or else its domain.
  const stack = Stack.of(fn);
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['ses:SendEmail'],
      resources: identities.map((identity) => Arn.format({ service: 'ses', resource: 'identity', resourceName: identity }, stack)),
    }),
  );
}
