// How a GPS fix reads to a person, on the form and on the record's page.
import { formatDateTime } from '$lib/domain/dates';
import type { FieldCheck } from '$lib/domain/field-check';
import { t } from '$lib/i18n';

/** Beyond this many metres a fix is too rough to tell one house from the next. */
export const ROUGH_ACCURACY_M = 100;

export function describeFix(gps: NonNullable<FieldCheck['gps']>): string {
  return t.gps.fix(
    gps.lat.toFixed(5),
    gps.lon.toFixed(5),
    gps.accuracy,
    formatDateTime(gps.capturedAt),
  );
}
