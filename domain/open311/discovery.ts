// The service discovery document of GeoReport v2: where the endpoint is, what it speaks, whom to ask for a key.
import type { CityDirectory } from '../city-directory.js';
import type { Language } from '../errors.js';

/** When this endpoint's contract last changed: clients compare it to know their cached services are current. */
export const OPEN311_CHANGESET = '2026-11-26T00:00:00Z';

/** The discovery document for the endpoint at `url` (`…/open311/v2`). */
export function discovery(url: string, city: CityDirectory, language: Language) {
  const office = city.supervision.name[language];
  return {
    changeset: OPEN311_CHANGESET,
    contact: language === 'zh' ? `${office}（拨打 12345）` : `${office} (call 12345)`,
    key_service: language === 'zh' ? `API 密钥由${office}的系统管理员发放` : `API keys are issued by the administrator of the ${office}`,
    endpoints: [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: OPEN311_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] },
    ],
  };
}
