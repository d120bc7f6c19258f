/** Anki's default leech threshold and the range the setting allows (apart from leech.ts so settings import no scheduler). */
export const LEECH_THRESHOLD_DEFAULT = 8;
export const LEECH_THRESHOLD_MIN = 2;
export const LEECH_THRESHOLD_MAX = 99;
