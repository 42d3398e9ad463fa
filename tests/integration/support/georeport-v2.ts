// The GeoReport v2 field lists (http://wiki.open311.org/GeoReport_v2), written from the spec rather than from
// Casework's schemas, so a contract test compares what the endpoint answers with what a 311 client expects.
import { expect } from 'vitest';

/** Every field the spec defines for each response, and those it requires. */
export const georeport = {
  discovery: { fields: ['changeset', 'contact', 'key_service', 'endpoints'], required: ['changeset', 'endpoints'] },
  endpoint: { fields: ['specification', 'url', 'changeset', 'type', 'formats'], required: ['specification', 'url', 'type', 'formats'] },
  service: { fields: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'], required: ['service_code', 'service_name', 'metadata', 'type'] },
  definition: { fields: ['service_code', 'attributes'], required: ['service_code', 'attributes'] },
  attribute: {
    fields: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
    required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
  },
  value: { fields: ['key', 'name'], required: ['key', 'name'] },
  created: { fields: ['service_request_id', 'token', 'service_notice', 'account_id'], required: [] as string[] },
  request: {
    fields: [
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ],
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
  },
  token: { fields: ['service_request_id', 'token'], required: ['token'] },
  error: { fields: ['code', 'description'], required: ['code', 'description'] },
} as const;

export const serviceTypes = ['realtime', 'batch', 'blackbox'];
export const datatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
/** The spec's datetimes: ISO 8601 as the W3C note has it, with Z or an offset. */
export const w3cDatetime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Fails unless `record` has only fields the spec lists for `kind`, and all it requires. */
export function expectSpecFields(record: unknown, kind: keyof typeof georeport): void {
  const { fields, required } = georeport[kind];
  expect(record, kind).toBeTypeOf('object');
  const keys = Object.keys(record as object);
  expect(keys.filter((k) => !(fields as readonly string[]).includes(k)), `${kind}: fields the spec does not define`).toEqual([]);
  expect(required.filter((k) => !keys.includes(k)), `${kind}: fields the spec requires`).toEqual([]);
}
