// Email in AWS: the functions' nodemailer transport (adapters/mail/send-mail.ts) points at SES's SMTP interface.
// The SMTP credentials live in a Secrets Manager secret `casework/<stage>/smtp` ({"username","password"}) created
// by the operator (docs/deploy.md); CloudFormation resolves the dynamic reference at deploy time.
import { SecretValue, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Stage } from './context.js';

/** The functions that send email (they import adapters/mail/send-mail.ts). */
export const MAIL_FUNCTIONS = ['deliver-notification', 'flag-undelivered'];

export function mailEnvironment(scope: Construct, stage: Stage): Record<string, string> {
  const stack = Stack.of(scope);
  const secretName = (scope.node.tryGetContext('smtpSecretName') as string | undefined) ?? `casework/${stage}/smtp`;
  return {
    SMTP_HOST: (scope.node.tryGetContext('smtpHost') as string | undefined) ?? `email-smtp.${stack.region}.amazonaws.com`,
    SMTP_PORT: '465',
    SMTP_SECURE: 'true',
    SMTP_USER: SecretValue.secretsManager(secretName, { jsonField: 'username' }).unsafeUnwrap(),
    SMTP_PASSWORD: SecretValue.secretsManager(secretName, { jsonField: 'password' }).unsafeUnwrap(),
    MAIL_FROM: (scope.node.tryGetContext('mailFrom') as string | undefined) ?? '12345 工单系统 <casework@haiqiao.example>',
  };
}
