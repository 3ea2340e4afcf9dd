/**
 * Calendar days: kept as a re-export of the calendar module (src/calendar/) for the callers not
 * yet moved to it. New code imports from src/calendar/.
 */
export { dayNumber, isoDate } from "../calendar/index.ts";
