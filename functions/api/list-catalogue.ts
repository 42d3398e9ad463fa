// GET /v1/catalogue: the service categories with their handler type and out-of-scope / emergency flags.
import { documents } from '../../adapters/clients.js';
import { DirectoryRepository } from '../../adapters/dynamodb/directory-repository.js';
import { tableName } from '../../adapters/dynamodb/table-names.js';
import { httpHandler, json } from '../shared/http.js';

const directory = new DirectoryRepository(documents, tableName('Directory'));

export const handler = httpHandler(async () => json(200, { categories: await directory.categories() }));
