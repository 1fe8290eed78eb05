// The dimension columns every rollup table (minute and coarse, calls and error keys) is keyed
// by after its (grain,) minute: one list for the SQL that groups, rebuilds or deletes by key.
export const rollupDimensionColumns = 'endpoint_id, api_key_fingerprint, service, environment, status_code';
