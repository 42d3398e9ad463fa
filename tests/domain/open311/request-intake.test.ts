// An Open311 request's arguments as intake's body: the street found, the caller named, the attributes held to the service.
import { describe, expect, it } from 'vitest';
import { CityDirectory } from '../../../domain/city-directory.js';
import { ValidationError } from '../../../domain/errors.js';
import { intakeBody } from '../../../domain/open311/request-intake.js';
import { demoCity } from '../../../local/seed/demo-city.js';
import { PostRequestArgs } from '../../../schemas/open311.js';

const city = new CityDirectory(demoCity.units, demoCity.categories);
const args = (extra: Record<string, unknown> = {}) =>
  PostRequestArgs.parse({ service_code: 'NBR-001', description: '每晚十一点后楼上装修噪音很大。\n已经持续两周。', phone: '13800000002', lat: '30.02', long: '121.05', ...extra });

/** The issues a ValidationError names, as `path: message`. */
function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('was not refused');
}

describe('intakeBody', () => {
  it('routes by coordinates and keeps them, names the place by its street, titles by the first line', () => {
    expect(intakeBody(args(), city)).toEqual({
      channel: 'open311',
      category: 'NBR-001',
      title: '每晚十一点后楼上装修噪音很大。',
      description: '每晚十一点后楼上装修噪音很大。\n已经持续两周。',
      location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门街道（30.02, 121.05）', coordinates: { lat: 30.02, lng: 121.05 } },
      citizen: { name: '匿名', phone: '13800000002' },
    });
  });

  it('takes the title and urgency attributes, the names in the order of their script, a photo into the description', () => {
    const body = intakeBody(args({ attribute: { title: '装修噪音', urgency: 'danger' }, first_name: '芳', last_name: '王', media_url: 'https://img.example/1.jpg', address_string: '东门路12号' }), city);
    expect(body).toMatchObject({ title: '装修噪音', urgency: 'danger', citizen: { name: '王芳' }, location: { address: '东门路12号' } });
    expect(body.description.endsWith('图片 / photo: https://img.example/1.jpg')).toBe(true);
    expect(intakeBody(args({ first_name: 'Anna', last_name: 'Smith' }), city).citizen.name).toBe('Anna Smith');
  });

  it('cuts a long first line to a title', () => {
    expect(intakeBody(args({ description: '噪'.repeat(50) }), city).title).toBe(`${'噪'.repeat(30)}…`);
  });

  it('routes by the street an address names when there are no coordinates', () => {
    const body = intakeBody(PostRequestArgs.parse({ service_code: 'WAT-001', description: '停水', phone: '13800000002', address_string: '桥东区解放路100号' }), city);
    expect(body.location).toEqual({ districtId: 'd-qiaodong', streetId: 's-qiaodong-jiefang', address: '桥东区解放路100号' });
  });

  it('refuses a service not offered, unknown attributes, an urgency outside the list, and places outside the city', () => {
    expect(refusal(() => intakeBody(args({ service_code: 'EMG-002' }), city))).toEqual(['service_code: "EMG-002" is not a service of this city (see services.json)']);
    expect(refusal(() => intakeBody(args({ attribute: { colour: 'red', urgency: 'soon' } }), city))).toEqual([
      'attribute[colour]: is not an attribute of this service',
      'attribute[urgency]: must be one of normal, utility, danger',
    ]);
    expect(refusal(() => intakeBody(args({ lat: '31.5' }), city))).toEqual(['lat: 31.5, 121.05 is in no street of this city']);
    const noStreet = PostRequestArgs.parse({ service_code: 'NBR-001', description: 'x', phone: '13800000002', address_string: '东门路与西湾路交叉口' });
    expect(refusal(() => intakeBody(noStreet, city))).toEqual(['address_string: could be in Dongmen Subdistrict or Xiwan Subdistrict; send lat and long']);
  });
});

describe('PostRequestArgs', () => {
  it('wants a place, lat and long together, a phone to call back and a description', () => {
    const issues = PostRequestArgs.safeParse({ service_code: 'NBR-001', lat: '30.02' }).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['phone', 'description']));
    expect(PostRequestArgs.safeParse({ service_code: 'NBR-001', phone: '13800000002', description: 'x', lat: '30.02' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['long']);
    expect(PostRequestArgs.safeParse({ service_code: 'NBR-001', phone: '13800000002', description: 'x' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['lat']);
    expect(PostRequestArgs.safeParse({ service_code: 'NBR-001', phone: '13800000002', description: 'x', address_id: 'A-1' }).error?.issues.map((i) => i.message)).toEqual([
      'is not kept by this city; send lat and long, or address_string',
    ]);
    expect(PostRequestArgs.safeParse({ service_code: 'NBR-001', phone: '13800000002', description: 'x', lat: '1e3', long: '121' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['lat']);
  });
});
