import { isCalendarDate } from '../common/dates';
import { rule } from '../common/validators';
import { canonicalZone, parseInstant } from './event-rules';

/** An ISO 8601 date and time with an offset: 2027-05-15T10:00:00+08:00 or …Z. */
export const IsInstant = rule(
  'isInstant',
  (p) => `${p} must be an ISO 8601 date and time with an offset, like 2027-05-15T10:00:00+08:00`,
  (v) => parseInstant(v) !== null,
);

/** An IANA time zone name such as Asia/Shanghai. */
export const IsIanaZone = rule(
  'isIanaZone',
  (p) => `${p} must be an IANA time zone such as Asia/Shanghai`,
  (v) => canonicalZone(v) !== null,
);

/** A date written YYYY-MM-DD or an instant with an offset (list filters on startsAt). */
export const IsDateOrInstant = rule(
  'isDateOrInstant',
  (p) => `${p} must be a date (2027-05-15) or a date and time with an offset (2027-05-15T10:00:00+08:00)`,
  (v) => isCalendarDate(v) || parseInstant(v) !== null,
);
