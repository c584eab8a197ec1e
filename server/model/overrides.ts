/** Optional overrides of a settings object as GraphQL passes them: a field may be absent or null (= the default). */
export type Overrides<T> = { [K in keyof T]?: T[K] | null };
