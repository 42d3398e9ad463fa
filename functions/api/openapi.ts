// GET /openapi.json: the API described from its own zod schemas and route table.
import { manifest } from '../../infra/manifest.js';
import { openApiDocument } from '../../schemas/openapi.js';
import { httpHandler, json } from '../shared/http.js';

const document = openApiDocument(manifest.routes, process.env.WEB_BASE_URL ?? 'https://casework.example');

export const handler = httpHandler(async () => json(200, document));
