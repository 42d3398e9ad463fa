// GET /v1/metrics/units: the league table of a month (the running one by default).
import { z } from 'zod';
import { Month } from './common.js';

export const LeagueTableQuery = z.strictObject({ month: Month.optional() });
