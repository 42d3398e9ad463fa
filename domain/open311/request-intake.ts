// An Open311 request's arguments -> the intake body Casework opens a ticket from. Open311 gives a place as lat/long or
// a free-text address and a person as optional names; intake needs the street, a title and a caller.
import { CreateTicket } from '../../schemas/commands.js';
import type { Urgency } from '../../schemas/common.js';
import type { PostRequestArgs } from '../../schemas/open311.js';
import type { Location } from '../../schemas/ticket.js';
import type { Unit } from '../../schemas/unit.js';
import { type FieldIssue, fieldIssues } from '../../schemas/validation-error.js';
import type { CityDirectory } from '../city-directory.js';
import { ValidationError } from '../errors.js';
import { streetAt, streetsNamedIn } from '../routing/locate-street.js';
import { offeredByOpen311 } from './services.js';

const ATTRIBUTES = new Set(['title', 'urgency']);
const URGENCIES = new Set<string>(['normal', 'utility', 'danger']);
const TITLE_FROM_DESCRIPTION = 30;

/** The intake body for an Open311 request; throws a ValidationError naming each argument that does not fit this city. */
export function intakeBody(args: PostRequestArgs, city: CityDirectory): CreateTicket {
  const issues: FieldIssue[] = [];
  const category = city.category(args.service_code);
  if (!category || !offeredByOpen311(category)) {
    issues.push({ path: 'service_code', message: `"${args.service_code}" is not a service of this city (see services.json)`, zh: `“${args.service_code}”不是本市的服务（见 services.json）` });
  }
  for (const code of Object.keys(args.attribute).filter((c) => !ATTRIBUTES.has(c))) {
    issues.push({ path: `attribute[${code}]`, message: 'is not an attribute of this service', zh: '不是该服务的属性' });
  }
  const { title, urgency } = args.attribute;
  if (title !== undefined && typeof title !== 'string') issues.push({ path: 'attribute[title]', message: 'takes one value', zh: '只能有一个值' });
  if (urgency !== undefined && (typeof urgency !== 'string' || !URGENCIES.has(urgency))) {
    issues.push({ path: 'attribute[urgency]', message: 'must be one of normal, utility, danger', zh: '应为 normal、utility 或 danger 之一' });
  }
  const location = locate(args, city.allUnits(), issues);
  if (issues.length > 0 || !location) throw new ValidationError(issues);
  const body = CreateTicket.safeParse({
    channel: 'open311',
    category: args.service_code,
    ...(typeof urgency === 'string' ? { urgency: urgency as Urgency } : {}),
    title: typeof title === 'string' && title.trim() !== '' ? title : titleOf(args.description),
    description: args.media_url ? `${args.description}\n\n图片 / photo: ${args.media_url}` : args.description,
    location,
    citizen: { name: nameOf(args), phone: args.phone },
  });
  if (!body.success) throw new ValidationError(fieldIssues(body.error).map((issue) => ({ ...issue, path: argumentOf(issue.path) })));
  return body.data;
}

/** The street and district: by the boundaries for lat/long, by the street named in the address otherwise. */
function locate(args: PostRequestArgs, units: readonly Unit[], issues: FieldIssue[]): Location | undefined {
  if (args.lat !== undefined && args.long !== undefined) {
    const point = { lat: args.lat, lng: args.long };
    const street = streetAt(units, point);
    if (!street?.districtId) {
      issues.push({ path: 'lat', message: `${args.lat}, ${args.long} is in no street of this city`, zh: `${args.lat}, ${args.long} 不在本市任何街道（乡镇）范围内` });
      return undefined;
    }
    const address = args.address_string ?? `${street.name.zh}（${args.lat}, ${args.long}）`;
    return { districtId: street.districtId, streetId: street.id, address, coordinates: point };
  }
  const address = args.address_string ?? '';
  const named = streetsNamedIn(units, address);
  const [street] = named;
  if (named.length === 1 && street?.districtId) return { districtId: street.districtId, streetId: street.id, address };
  issues.push(
    named.length === 0
      ? { path: 'address_string', message: 'names no street or town of this city; send lat and long', zh: '未写明本市的街道（乡镇）；请提供 lat 和 long' }
      : {
          path: 'address_string',
          message: `could be in ${named.map((s) => s.name.en).join(' or ')}; send lat and long`,
          zh: `可能属于${named.map((s) => s.name.zh).join('或')}；请提供 lat 和 long`,
        },
  );
  return undefined;
}

/** The first line of the description, cut to a title's length. */
function titleOf(description: string): string {
  const first = description.split('\n')[0]?.trim() ?? '';
  return first.length > TITLE_FROM_DESCRIPTION ? `${first.slice(0, TITLE_FROM_DESCRIPTION)}…` : first;
}

/** The caller's name: family name first in Chinese, given name first in a Latin script; 匿名 when none is given. */
function nameOf(args: PostRequestArgs): string {
  const { first_name: first, last_name: last } = args;
  if (!first && !last) return '匿名';
  if (/[A-Za-z]/.test(`${first ?? ''}${last ?? ''}`)) return [first, last].filter(Boolean).join(' ');
  return `${last ?? ''}${first ?? ''}`;
}

// An intake field back to the argument it came from, for a message the client can act on.
const argumentNames: Record<string, string> = { title: 'attribute[title]', description: 'description', 'citizen.name': 'first_name', 'citizen.phone': 'phone', 'location.address': 'address_string' };
const argumentOf = (path: string) => argumentNames[path] ?? path;
