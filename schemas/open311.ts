// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the arguments Casework reads and the records it answers.
// Field names are the spec's (snake_case); they are the contract with existing 311 clients.
import { z } from 'zod';
import { Id, IsoDateTime, typedText } from './common.js';
import { Citizen } from './ticket.js';

/** `lat`/`long` as sent in a form: decimal degrees. */
const degrees = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'must be decimal degrees, e.g. 30.05')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** `POST requests.json` (a form, or JSON): the spec's arguments; `attribute[code]` arrive as `attribute`. */
export const PostRequestArgs = z
  .object({
    api_key: z.string().optional(),
    jurisdiction_id: typedText().max(100).optional(),
    service_code: typedText().min(1).max(64),
    lat: degrees(-90, 90).optional(),
    long: degrees(-180, 180).optional(),
    address_string: typedText().min(1).max(200).optional(),
    address_id: typedText().max(100).optional(),
    email: z.email({ error: 'must be an email address' }).max(254).optional(),
    device_id: typedText().max(200).optional(),
    // Answered back as given: no character that could hide in a client's display.
    account_id: typedText().max(200).optional(),
    first_name: typedText().min(1).max(25).optional(),
    last_name: typedText().min(1).max(25).optional(),
    // The hotline calls every citizen back (回访): Casework needs the number the spec leaves optional.
    phone: Citizen.shape.phone,
    description: typedText({ lines: true }).min(1, 'must not be empty').max(4000),
    media_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048).optional(),
    attribute: z.record(typedText().min(1).max(64), z.union([typedText().max(1000), z.array(typedText().max(1000)).max(50)])).default({}),
  })
  .strict()
  .superRefine((args, ctx) => {
    if ((args.lat === undefined) !== (args.long === undefined)) {
      ctx.addIssue({ code: 'custom', path: [args.lat === undefined ? 'lat' : 'long'], message: 'lat and long come together', params: { zh: 'lat 与 long 须同时提供' } });
    }
    if (args.lat === undefined && args.address_string === undefined) {
      const path = args.address_id === undefined ? 'lat' : 'address_id';
      const [message, zh] =
        args.address_id === undefined
          ? ['required: a location as lat and long, or address_string', '必填：请以 lat 和 long，或 address_string 给出位置']
          : ['is not kept by this city; send lat and long, or address_string', '本市不使用地址编号；请以 lat 和 long，或 address_string 给出位置'];
      ctx.addIssue({ code: 'custom', path: [path], message, params: { zh } });
    }
  });
export type PostRequestArgs = z.output<typeof PostRequestArgs>;

/** A comma-delimited list of the spec (`status=open,closed`), each item checked by `item`. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(item).min(1).max(100));

/** `GET requests.json`: which requests; the window is by `requested_datetime`, at most 90 days. */
export const ListRequestsQuery = z
  .object({
    api_key: z.string().optional(),
    jurisdiction_id: typedText().max(100).optional(),
    format: z.enum(['json', 'xml']).optional(),
    service_request_id: commaList(Id).optional(),
    service_code: commaList(typedText().min(1).max(64)).optional(),
    start_date: IsoDateTime.optional(),
    end_date: IsoDateTime.optional(),
    status: commaList(z.enum(['open', 'closed'])).optional(),
  })
  .strict();
export type ListRequestsQuery = z.output<typeof ListRequestsQuery>;

/** The query of every other Open311 read: a key where one is needed, the format, the jurisdiction. */
export const Open311Query = z
  .object({ api_key: z.string().optional(), jurisdiction_id: typedText().max(100).optional(), format: z.enum(['json', 'xml']).optional() })
  .strict();

export const ServiceStatus = z.enum(['open', 'closed']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** One service request as the spec lists its fields (optional ones are left out when Casework has nothing for them). */
export const ServiceRequest = z
  .object({
    service_request_id: z.string(),
    status: ServiceStatus,
    status_notes: z.string().optional(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().optional(),
    service_notice: z.string().optional(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string().optional(),
    address: z.string(),
    address_id: z.string().optional(),
    zipcode: z.string().optional(),
    lat: z.number().optional(),
    long: z.number().optional(),
    media_url: z.string().optional(),
  })
  .strict();
export type ServiceRequest = z.infer<typeof ServiceRequest>;

export const Service = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .strict();
export type Service = z.infer<typeof Service>;

export const ServiceAttribute = z
  .object({
    variable: z.boolean(),
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    datatype_description: z.string(),
    order: z.number().int().positive(),
    description: z.string(),
    values: z.array(z.object({ key: z.string(), name: z.string() }).strict()).optional(),
  })
  .strict();
export type ServiceAttribute = z.infer<typeof ServiceAttribute>;

export const ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(ServiceAttribute) }).strict();
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** An Open311 client: an app or site holding an API key, named by the administrator. */
export const Open311Client = z.object({
  // Short: the client acts as `open311.<id>`, which must stay an id itself.
  id: Id.refine((id) => id.length <= 40, { message: 'must be at most 40 characters', params: { zh: '不超过 40 个字符' } }),
  name: typedText().min(1).max(100),
  createdAt: IsoDateTime,
  createdBy: Id,
});
export type Open311Client = z.infer<typeof Open311Client>;

/** `POST /v1/open311/clients`: a new client; its key is answered once and stored only as a hash. */
export const CreateOpen311Client = Open311Client.pick({ id: true, name: true });
export type CreateOpen311Client = z.infer<typeof CreateOpen311Client>;
