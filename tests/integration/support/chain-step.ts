// A task for idle tests: step N of a chain writes its item N+1, with the handlers' client (which wakes the stream
// pollers) or with a client of its own that nobody watches; the last step sends mail.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamodb } from '../../../adapters/clients.js';
import { sendMail } from '../../../adapters/mail/send-mail.js';

const unwatched = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

export const handler = async ({ name, n, last, watched }: { name: string; n: number; last: number; watched: boolean }) => {
  if (n < last) {
    const Item = { id: { S: `${name}-${n + 1}` }, last: { N: String(last) }, watched: { BOOL: watched } };
    await (watched ? dynamodb : unwatched).send(new PutItemCommand({ TableName: process.env.TABLE_TICKETS, Item }));
  } else {
    await sendMail(['chain@example.org'], `${name} ${n} done`, 'the last step of the chain ran');
  }
  return { n };
};
