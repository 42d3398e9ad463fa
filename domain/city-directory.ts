// Reference data of one city: its units and service catalogue, looked up by id.
import type { Category } from '../schemas/catalogue.js';
import type { Location } from '../schemas/ticket.js';
import type { Unit, } from '../schemas/unit.js';
import type { FieldIssue } from '../schemas/validation-error.js';

export class CityDirectory {
  private readonly units = new Map<string, Unit>();
  private readonly categories = new Map<string, Category>();
  /** The city hotline office (督办, level 3). */
  readonly supervision: Unit;

  constructor(units: readonly Unit[], categories: readonly Category[]) {
    for (const unit of units) this.units.set(unit.id, unit);
    for (const category of categories) this.categories.set(category.code, category);
    const supervision = units.filter((u) => u.type === 'supervision');
    if (supervision.length !== 1 || !supervision[0]) {
      throw new Error(`a city needs exactly one supervision unit, found ${supervision.length}`);
    }
    this.supervision = supervision[0];
  }

  /** The unit with this id, if any. */
  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  /** The category with this code, if any. */
  category(code: string): Category | undefined {
    return this.categories.get(code);
  }

  /** Every unit, in the order given. */
  allUnits(): Unit[] {
    return [...this.units.values()];
  }

  /** Every category, in the order given. */
  allCategories(): Category[] {
    return [...this.categories.values()];
  }

  /** Problems with a ticket's category and location, worded for the person who sent them. */
  checkTicketReferences(category: string, location: Location): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!this.categories.has(category)) issues.push({ path: 'category', message: `unknown category "${category}"`, zh: `没有诉求类别“${category}”` });
    const district = this.units.get(location.districtId);
    if (district?.type !== 'district') {
      issues.push({ path: 'location.districtId', message: `unknown district "${location.districtId}"`, zh: `没有区“${location.districtId}”` });
    }
    const street = this.units.get(location.streetId);
    if (street?.type !== 'street') {
      issues.push({ path: 'location.streetId', message: `unknown street "${location.streetId}"`, zh: `没有街道“${location.streetId}”` });
    } else if (district?.type === 'district' && street.districtId !== district.id) {
      issues.push({
        path: 'location.streetId',
        message: `street "${street.id}" is not in district "${district.id}"`,
        zh: `街道“${street.id}”不在区“${district.id}”内`,
      });
    }
    return issues;
  }
}
