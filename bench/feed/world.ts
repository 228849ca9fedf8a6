// Fixed values of bench:feed's synthetic instance, shared by its generator's parts.

export const DAY_MS = 24 * 3_600_000;
/** Home regions, one per community (community % length). */
export const REGIONS = ['eu', 'us', 'br', 'in', 'jp'];
export const LANGUAGES = ['en', 'pt', 'es', 'fr', 'de', 'ja'];
/** Rows per bulk insert. */
export const CHUNK = 5_000;
