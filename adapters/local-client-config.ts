// How an SDK client talks to a local endpoint (DynamoDB Local, the embedded Step Functions engine): fixed credentials,
// and a signer that only names them. Neither server checks signatures, and SigV4 signing was about a quarter of the
// client's CPU per request in the local runtime, where every handler, poller and barrier shares one process.
const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/local/aws4_request, SignedHeaders=host, Signature=0';

/** The client configuration for a local `endpoint`; the region is AWS_REGION's, or us-east-1. */
export function localClientConfig(endpoint: string) {
  return {
    endpoint,
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // DynamoDB Local refuses a request without an Authorization header naming an access key; it never checks the signature.
    signer: {
      sign: async <R extends { headers: Record<string, string> }>(request: R) => {
        request.headers.authorization = AUTHORIZATION;
        return request;
      },
    },
  };
}
