// The service catalogue as Open311 services: what a 311 app may submit, and the attributes each service takes.
import type { Category } from '../../schemas/catalogue.js';
import type { Language } from '../errors.js';
import { Urgency } from '../../schemas/common.js';
import type { Service, ServiceDefinition } from '../../schemas/open311.js';
import type { CityDirectory } from '../city-directory.js';
import { kindNames, urgencyNames } from '../tickets/names.js';

const urgencyOrder = Urgency.options;

/**
 * True when a 311 app may submit the category: an emergency is a call to 110/119/120/122 and an out-of-scope matter
 * is answered by an operator, so neither is offered.
 */
export const offeredByOpen311 = (category: Category): boolean => !category.emergency && !category.outOfScope;

/** The services of `GET services.json`: every category a 311 app may submit, grouped by who handles it. */
export function open311Services(city: CityDirectory, language: Language): Service[] {
  return city
    .allCategories()
    .filter(offeredByOpen311)
    .map((category) => {
      const department = category.departmentId ? city.unit(category.departmentId) : undefined;
      const group = department?.name ?? { zh: '街道（乡镇）', en: 'Subdistricts and towns' };
      return {
        service_code: category.code,
        service_name: category.name[language],
        description:
          language === 'zh'
            ? `${kindNames[category.kind].zh}，由${department ? department.name.zh : '事发地所在街道（乡镇）'}办理`
            : `A ${kindNames[category.kind].en}, handled by ${department ? department.name.en : 'the subdistrict or town where it happens'}`,
        metadata: true,
        type: 'realtime',
        keywords: [kindNames[category.kind][language], urgencyNames[category.urgency][language]].join(','),
        group: group[language],
      };
    });
}

/** The definition of `GET services/{code}.json`: the attributes every request may add (a title, a higher urgency). */
export function open311ServiceDefinition(category: Category, language: Language): ServiceDefinition {
  const zh = language === 'zh';
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'title',
        datatype: 'string',
        required: false,
        datatype_description: zh ? '一行，不超过100字' : 'one line, at most 100 characters',
        order: 1,
        description: zh ? '诉求标题；不填则取描述的开头' : 'a title for the request; the start of the description when left out',
      },
      {
        variable: true,
        code: 'urgency',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: zh ? '只可等于或高于该类别的紧急程度' : "the category's urgency or higher",
        order: 2,
        description: zh ? '紧急程度' : 'urgency',
        values: urgencyOrder.slice(urgencyOrder.indexOf(category.urgency)).map((key) => ({ key, name: urgencyNames[key][language] })),
      },
    ],
  };
}
