// No zod here: the renderer's first bundle reads these (issue 10); reading-views.ts adds the schemas.

/** Rows `session/get` carries: the newest this many (all when fewer); older ones come a page at a time. */
export const SESSION_GET_READINGS_MAX = 500;
/** Most rows one page may ask for. */
export const READING_PAGE_MAX_ROWS = 500;
/** Alerts session/get carries besides the active ones (an alarmy 8-hour session can raise thousands); older ones by alert/page. */
export const SESSION_GET_ALERTS_MAX = 200;
export const ALERT_PAGE_MAX_ROWS = 500;
