// GET /v1/units: every unit of the city (streets, districts, departments, the supervision office).
import { documents } from '../../adapters/clients.js';
import { DirectoryRepository } from '../../adapters/dynamodb/directory-repository.js';
import { tableName } from '../../adapters/dynamodb/table-names.js';
import { httpHandler, json } from '../shared/http.js';

const directory = new DirectoryRepository(documents, tableName('Directory'));

export const handler = httpHandler(async () => json(200, { units: await directory.units() }));
