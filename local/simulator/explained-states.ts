// Which final states a planned behaviour explains, once the clock has run days past its last step: what the
// simulator's report calls unexplained is a ticket the system left somewhere its people's actions cannot account for.
import type { Behaviour } from './plan.js';

export interface FinalState {
  status: string;
  level: number;
  unitId?: string;
  satisfaction?: string;
}

/** True when a ticket of `behaviour` may end in `state`. */
export function explains(behaviour: Behaviour, state: FinalState): boolean {
  switch (behaviour) {
    case 'late':
    case 'overdue':
      // Escalated past a deadline, then handled by the level it reached.
      return state.status === 'closed' && state.satisfaction === 'satisfied' && state.level >= 2;
    case 'satisfied':
    case 'unsatisfied':
    case 'extension':
    case 'returned':
    case 'whistle':
      // Every one ends with a satisfied callback.
      return state.status === 'closed' && state.satisfaction === 'satisfied';
    case 'panel':
      // Seated and decided, it ends like the others. A pool with every seat taken keeps the referral waiting for one
      // (in review), and after a week hands it back to the supervision office (difficult): the members' planned votes
      // then find no panel. Both are what the city's people would see; neither is lost.
      return (state.status === 'closed' && state.satisfaction === 'satisfied') || state.status === 'in-review' || (state.status === 'difficult' && state.unitId === 'supervision');
    case 'unanswered':
      // The callback window passes with no answer.
      return state.status === 'closed' && state.satisfaction === 'no-answer';
    case 'difficult':
      // The supervision office closed it with an explanation: no callback was asked for.
      return state.status === 'closed';
    case 'silent':
      // Nobody acts: past its deadlines it climbs to the district, then the city, and waits there.
      return state.status === 'dispatched' && state.level >= 2;
  }
}
