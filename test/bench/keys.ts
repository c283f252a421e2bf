// The credentials the benchmark's sandbox is started with.
export const API_KEY = 'bench-api-key'
export const SECRET_KEY = 'bench-secret-key'
